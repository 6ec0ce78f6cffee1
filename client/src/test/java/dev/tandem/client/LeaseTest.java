package dev.tandem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Version;
import dev.tandem.protocol.api.ErrorReply;
import dev.tandem.protocol.api.HeartbeatRequest;
import dev.tandem.protocol.api.LeaseReply;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.api.ReleaseRequest;
import dev.tandem.protocol.api.Routes;
import dev.tandem.protocol.api.StatusReply;
import dev.tandem.protocol.http.LoopbackHttpServer;
import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.state.DaemonInfo;
import dev.tandem.protocol.state.StateDir;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Lease} against a fake daemon: it heartbeats, learns when the daemon ended it, and releases on close. */
class LeaseTest {
    @TempDir
    Path dir;

    private LoopbackHttpServer server;
    private final AtomicInteger beats = new AtomicInteger();
    /** Heartbeats the fake answers before it says the lease is gone. */
    private volatile int beatsBeforeGone = Integer.MAX_VALUE;
    private final List<ReleaseRequest> releases = new CopyOnWriteArrayList<>();
    private final List<LeaseRequest> acquires = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private TandemClient fakeDaemon() throws Exception {
        LeaseReply reply = new LeaseReply("Lsecret", List.of(new LeaseReply.Device("sim-1", "sim", "instant")), 150);
        server = LoopbackHttpServer.start(0, "tok", Map.of(
                Routes.STATUS, r -> r.reply(200, new StatusReply(ProcessHandle.current().pid(), Version.VERSION, dir.toString(), 1, 0, 0,
                        Map.of())),
                Routes.LEASES, r -> {
                    acquires.add(r.bodyAs(LeaseRequest.class));
                    r.reply(200, reply);
                },
                Routes.HEARTBEAT, r -> {
                    assertThat(r.bodyAs(HeartbeatRequest.class).lease()).isEqualTo("Lsecret");
                    if (beats.incrementAndGet() > beatsBeforeGone) {
                        r.reply(400, new ErrorReply(new ErrorInfo(ErrorCode.DEVICE_NOT_LEASED, "no lease 'Lsecret': it ended")));
                    } else {
                        r.reply(200, reply);
                    }
                },
                Routes.RELEASE, r -> {
                    releases.add(r.bodyAs(ReleaseRequest.class));
                    r.reply(200, new LeaseReply("Lsecret", List.of(), 150));
                }));
        StateDir state = new StateDir(dir.resolve("home")).ensure();
        AtomicFiles.writeJson(state.daemonJson(), new DaemonInfo(ProcessHandle.current().pid(), server.port(), "tok", Version.VERSION,
                1, state.root().toString()), true);
        return TandemClient.find(state).orElseThrow();
    }

    private static LeaseRequest sim() {
        return new LeaseRequest("test", ProcessHandle.current().pid(), List.of("sim"), null, null, null, null);
    }

    @Test
    void anOpenLeaseHeartbeatsAndCloseReleasesEverything() throws Exception {
        try (TandemClient c = fakeDaemon()) {
            Lease lease = Lease.open(c, sim());
            assertThat(lease.id()).isEqualTo("Lsecret");
            assertThat(lease.devices()).extracting(LeaseReply.Device::id).containsExactly("sim-1");
            await("two heartbeats", () -> beats.get() >= 2);
            lease.add(sim());
            assertThat(acquires.getLast().lease()).as("add names this lease").isEqualTo("Lsecret");
            lease.close();
            assertThat(releases).containsExactly(new ReleaseRequest("Lsecret", List.of()));
            assertThat(lease.alive()).isFalse();
            assertThatThrownBy(lease::id).isInstanceOfSatisfying(TandemException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_NOT_LEASED));
            lease.close();
            assertThat(releases).as("closing twice releases once").hasSize(1);
        }
    }

    @Test
    void aLeaseTheDaemonEndedSaysSoAtTheNextCall() throws Exception {
        beatsBeforeGone = 1;
        try (TandemClient c = fakeDaemon()) {
            Lease lease = Lease.open(c, sim());
            await("the heartbeat hears the lease is gone", () -> !lease.alive());
            assertThatThrownBy(lease::devices).isInstanceOfSatisfying(TandemException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_NOT_LEASED);
                assertThat(e.getMessage()).startsWith("the lease ended: ").contains("no lease 'Lsecret'");
            });
            lease.close();
            assertThat(releases).as("nothing to release").isEmpty();
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            LockSupport.parkNanos(1_000_000);
        }
    }
}
