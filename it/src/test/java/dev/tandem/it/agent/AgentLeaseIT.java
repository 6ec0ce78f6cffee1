package dev.tandem.it.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.client.Lease;
import dev.tandem.client.TandemClient;
import dev.tandem.it.Tandem;
import dev.tandem.it.lifecycle.TestClasspath;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.CommandRequest;
import dev.tandem.protocol.api.DevicesReply;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.state.StateDir;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Leases through the Java client against a real daemon and sim runners: commands on a leased sim by
 * ref, another client refused, and a client killed with SIGKILL losing its device within 2 s.
 */
class AgentLeaseIT {
    private static final long PID = ProcessHandle.current().pid();

    @Test
    void aLeasedSimIsDrivenByRefsAndNobodyElseMayCommandIt() throws Exception {
        try (Tandem t = new Tandem().env("TANDEM_SIM_DEVICES", "2")) {
            assertThat(t.run("devices").exit()).isZero(); // starts the daemon
            try (TandemClient client = TandemClient.find(new StateDir(t.home)).orElseThrow();
                    Lease lease = Lease.open(client, new LeaseRequest("it agent", PID, List.of("sim"), null, null, 10_000L, null))) {
                String sim = lease.devices().getFirst().id();
                client.command(new CommandRequest(lease.id(), sim, "launchApp",
                        Json.object().put("appId", "com.example.login").put("clearState", true), null, null, PID));
                Snapshot s = client.snapshot(sim, lease.id());
                UiNode signIn = s.elements().stream().filter(n -> "Sign in".equals(n.text())).findFirst().orElseThrow();
                CommandReply tap = client.command(new CommandRequest(lease.id(), sim, "tapOn", null, "@" + signIn.ref(), null, PID));
                assertThat(tap.element()).contains("Sign in");
                client.command(new CommandRequest(lease.id(), sim, "assertVisible",
                        Json.object().put("text", "Password must be at least 8 characters"), null, null, PID));

                assertThat(client.devices().devices()).filteredOn(d -> d.id().equals(sim)).singleElement()
                        .satisfies(d -> assertThat(d.run()).isEqualTo("it agent (lease 1)"));
                try (TandemClient other = TandemClient.find(new StateDir(t.home)).orElseThrow();
                        Lease theirs = Lease.open(other, new LeaseRequest("it other", PID, List.of(), "sim", 1, 10_000L, null))) {
                    assertThat(theirs.devices().getFirst().id()).isNotEqualTo(sim);
                    assertThatThrownBy(() -> other.command(new CommandRequest(theirs.id(), sim, "tapOn",
                            Json.object().put("text", "Sign in"), null, null, PID))).isInstanceOfSatisfying(TandemException.class, e -> {
                                assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_NOT_LEASED);
                                assertThat(e.getMessage()).contains("held by it agent (lease 1)");
                            });
                    assertThatThrownBy(() -> other.command(new CommandRequest(null, sim, "tapOn", Json.object().put("text", "Sign in"),
                            null, 0L, PID))).isInstanceOfSatisfying(TandemException.class,
                                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE));
                }
            }
        }
    }

    @Test
    void aKilledClientProcessFreesItsDeviceWithinTwoSeconds() throws Exception {
        try (Tandem t = new Tandem().env("TANDEM_SIM_DEVICES", "1")) {
            assertThat(t.run("devices").exit()).isZero();
            try (TandemClient client = TandemClient.find(new StateDir(t.home)).orElseThrow()) {
                Process holder = new ProcessBuilder(Tandem.java(), "-cp", TestClasspath.jarred(), LeaseHolderMain.class.getName(),
                        t.home.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                    assertThat(out.readLine()).isEqualTo("LEASED sim-1");
                    assertThat(state(client, "sim-1")).isEqualTo(DevicesReply.DeviceState.BUSY);
                    holder.destroyForcibly(); // SIGKILL: no release, no goodbye
                    long killedAt = System.nanoTime();
                    long deadline = killedAt + TimeUnit.SECONDS.toNanos(2);
                    while (state(client, "sim-1") != DevicesReply.DeviceState.FREE) {
                        if (System.nanoTime() > deadline) throw new AssertionError("sim-1 still leased 2 s after its client died");
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                    }
                } finally {
                    holder.destroyForcibly();
                }
                try (Lease mine = Lease.open(client, new LeaseRequest("it next", PID, List.of("sim-1"), null, null, 0L, null))) {
                    assertThat(mine.devices()).extracting(d -> d.id()).containsExactly("sim-1");
                }
            }
        }
    }

    private static DevicesReply.DeviceState state(TandemClient c, String device) {
        return c.devices().devices().stream().filter(d -> d.id().equals(device)).findFirst().orElseThrow().state();
    }
}
