package dev.tandem.daemon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Requirement;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.LeaseReply;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.api.ReleaseRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeaseRegistryTest {
    private final Fixture f = new Fixture();

    @Test
    void aLeaseHoldsItsDevicesUnderItsOwnersNameUntilReleased() throws Exception {
        LeaseReply r = f.leases.acquire(Fixture.sims("mcp claude-code", "sim"));
        assertThat(r.lease()).startsWith("L").hasSizeGreaterThan(30);
        assertThat(r.expiresAfterMs()).isEqualTo(5_000);
        assertThat(r.devices()).extracting(LeaseReply.Device::id, LeaseReply.Device::platform).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sim-1", "sim"));
        assertThat(f.holder("sim-1")).as("what `tandem sessions` and `tandem devices` show").isEqualTo("mcp claude-code (lease 1)");
        assertThat(f.allocator.holderOf("sim-1").map(Allocation::ownerPid)).contains(Fixture.PID);

        LeaseReply released = f.leases.release(new ReleaseRequest(r.lease(), List.of()));
        assertThat(released.devices()).isEmpty();
        assertThat(f.holder("sim-1")).isNull();
        assertThatThrownBy(() -> f.leases.heartbeat(r.lease())).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_NOT_LEASED));
    }

    @Test
    void aLeaseGrowsByASecondAcquireAndShrinksByAPartialRelease() throws Exception {
        LeaseReply r = f.leases.acquire(Fixture.sims("java", "sim-2"));
        LeaseReply more = f.leases.acquire(new LeaseRequest("java", Fixture.PID, List.of(), "sim", 1, null, r.lease()));
        assertThat(more.lease()).isEqualTo(r.lease());
        assertThat(more.devices()).extracting(LeaseReply.Device::id).containsExactlyInAnyOrder("sim-1", "sim-2");
        assertThat(f.holder("sim-1")).isEqualTo(f.holder("sim-2")).isEqualTo("java (lease 1)");

        LeaseReply left = f.leases.release(new ReleaseRequest(r.lease(), List.of("sim-2")));
        assertThat(left.devices()).extracting(LeaseReply.Device::id).containsExactly("sim-1");
        assertThat(f.holder("sim-2")).isNull();
        assertThat(f.holder("sim-1")).isEqualTo("java (lease 1)");
    }

    @Test
    void aDeviceOutsideTheLeaseIsNotLeasedAndTheMessageNamesItsHolder() throws Exception {
        LeaseReply mine = f.leases.acquire(Fixture.sims("mcp a", "sim-1"));
        assertThatThrownBy(() -> f.leases.holding(mine.lease(), "sim-2")).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_NOT_LEASED);
            assertThat(e.getMessage()).contains("does not hold sim-2").contains("nobody holds it: acquire it");
        });
        f.leases.acquire(Fixture.sims("mcp b", "sim-2"));
        assertThatThrownBy(() -> f.leases.holding(mine.lease(), "sim-2")).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.getMessage()).contains("it is held by mcp b (lease 2) (pid " + Fixture.PID + ")"));
        assertThatThrownBy(() -> f.leases.holding("Lnot-a-lease", "sim-1")).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_NOT_LEASED);
            assertThat(e.getMessage()).contains("acquire the devices again");
        });
    }

    @Test
    void aBusyDeviceIsUnavailableNamingTheLeaseThatHoldsIt() throws Exception {
        f.leases.acquire(Fixture.sims("mcp a", "sim-1"));
        assertThatThrownBy(() -> f.leases.acquire(Fixture.sims("mcp b", "sim-1"))).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE);
            assertThat(e.getMessage()).contains("sim-1 (mcp a (lease 1), pid " + Fixture.PID + ")");
        });
    }

    @Test
    void aDeadClientPidEndsItsLeaseAtTheNextSweep() throws Exception {
        LeaseReply r = f.leases.acquire(Fixture.sims("mcp a", "sim"));
        assertThat(f.leases.sweep()).isZero();
        f.deadPids.add(Fixture.PID);
        assertThat(f.leases.sweep()).isEqualTo(1);
        assertThat(f.holder("sim-1")).isNull();
        assertThatThrownBy(() -> f.leases.get(r.lease())).isInstanceOf(TandemException.class);
    }

    @Test
    void theWatcherFreesTheDevicesOfAKilledClientProcess() throws Exception {
        Fixture real = new Fixture(true);
        Process client = new ProcessBuilder("sleep", "60").start();
        try {
            real.leases.acquire(new LeaseRequest("mcp doomed", client.pid(), List.of("sim-1"), null, null, null, null));
            real.leases.startWatching();
            assertThat(real.holder("sim-1")).isEqualTo("mcp doomed (lease 1)");
            client.destroyForcibly();
            Fixture.await("the killed client's device is free", () -> real.holder("sim-1") == null);
        } finally {
            client.destroyForcibly();
            real.leases.close();
        }
    }

    @Test
    void aLeaseWithoutHeartbeatsExpiresAndHeartbeatsKeepItAlive() throws Exception {
        LeaseReply r = f.leases.acquire(Fixture.sims("mcp a", "sim"));
        f.advanceMs(4_000);
        f.leases.heartbeat(r.lease());
        f.advanceMs(4_000);
        assertThat(f.leases.sweep()).as("4 s since the last heartbeat").isZero();
        f.advanceMs(1_001);
        assertThat(f.leases.sweep()).as("5 s without one").isEqualTo(1);
        assertThat(f.holder("sim-1")).isNull();
    }

    @Test
    void aRunOnLentDevicesLeavesThemLeasedAndKeepsThemIfTheLeaseEndsMidRun() throws Exception {
        LeaseReply r = f.leases.acquire(Fixture.sims("java", "sim-1", "sim-2"));
        String holder = f.leases.holderName(r.lease());
        Allocation run = f.allocator.lend(holder, "run-1", Fixture.PID, Map.of("A", "sim-1"));
        assertThat(run.byLabel().get("A").id()).isEqualTo("sim-1");
        f.allocator.giveBack("run-1");
        assertThat(f.holder("sim-1")).as("still the lease's after the run").isEqualTo("java (lease 1)");

        assertThatThrownBy(() -> f.allocator.lend(holder, "run-2", Fixture.PID, Map.of("A", "sim-3")))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_NOT_LEASED));

        f.allocator.lend(holder, "run-3", Fixture.PID, Map.of("A", "sim-2"));
        f.leases.release(new ReleaseRequest(r.lease(), List.of()));
        assertThat(f.holder("sim-1")).isNull();
        assertThat(f.holder("sim-2")).as("the run still uses it: nobody else may get it").isEqualTo("run-3");
        assertThatThrownBy(() -> f.allocator.allocate("other", 1, List.of(new Requirement("X", Platform.SIM, "sim-2", null)), 0, Set.of()))
                .isInstanceOf(TandemException.class);
        f.allocator.giveBack("run-3");
        assertThat(f.holder("sim-2")).isNull();
    }
}
