package dev.tandem.daemon.devices;

import dev.tandem.protocol.Platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AllocatorTest {
    static final DevicePool POOL = DevicePool.fromEnv(Map.of("TANDEM_SIM_DEVICES", "4", "TANDEM_WEB_DEVICES", "1"));

    static Allocator allocator() {
        return new Allocator(POOL, id -> Optional.empty());
    }

    static List<Requirement> anySims(String... labels) {
        List<Requirement> r = new ArrayList<>();
        for (String l : labels) r.add(new Requirement(l, Platform.SIM, null, null));
        return r;
    }

    @Test
    void grantsAllLabelsAtOnceOnDistinctDevices() throws Exception {
        Allocation a = allocator().allocate("run-1", 1, anySims("A", "B", "C"), 0, Set.of());
        assertThat(a.byLabel()).containsOnlyKeys("A", "B", "C");
        assertThat(a.byLabel().values()).extracting(DeviceSlot::id).doesNotHaveDuplicates();
    }

    @Test
    void neverGrantsHalf_andFailsWithTheHoldersNamed() throws Exception {
        Allocator alloc = allocator();
        alloc.allocate("run-1", 4242, anySims("A", "B", "C"), 0, Set.of());
        assertThatThrownBy(() -> alloc.allocate("run-2", 1, anySims("X", "Y"), 0, Set.of()))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("run-1").contains("4242");
                });
        assertThat(alloc.allocations()).hasSize(1);
    }

    @Test
    void contendingMultiDeviceRunsNeverDeadlock() throws Exception {
        Allocator alloc = allocator();
        int runs = 40;
        AtomicInteger done = new AtomicInteger();
        AtomicInteger maxHeld = new AtomicInteger();
        AtomicInteger held = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String owner = "run-" + i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                    Allocation a = alloc.allocate(owner, 1, anySims("A", "B", "C"), 30_000, Set.of());
                    maxHeld.accumulateAndGet(held.addAndGet(a.byLabel().size()), Math::max);
                    held.addAndGet(-a.byLabel().size());
                    alloc.release(owner);
                    done.incrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) assertThat(t.join(Duration.ofSeconds(30))).isTrue();
        assertThat(done.get()).isEqualTo(runs);
        assertThat(maxHeld.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void earlierWaiterIsServedFirst() throws Exception {
        Allocator alloc = allocator();
        alloc.allocate("holder", 1, anySims("A", "B", "C", "D"), 0, Set.of());
        var big = grabAsync(alloc, "big", anySims("A", "B", "C"));
        awaitWaiting(alloc, 1);
        var small = grabAsync(alloc, "small", anySims("A"));
        awaitWaiting(alloc, 2);
        alloc.release("holder");
        // the order the allocator granted in, not the order two woken threads happened to return
        assertThat(big.get(10, TimeUnit.SECONDS).grant()).isLessThan(small.get(10, TimeUnit.SECONDS).grant());
    }

    @Test
    void aSpecificDeviceDoesNotWaitBehindAnUnrelatedRequest() throws Exception {
        Allocator alloc = allocator();
        alloc.allocate("holder", 1, List.of(new Requirement("A", Platform.SIM, "sim-1", null)), 0, Set.of());
        var waiting = grabAsync(alloc, "wants-sim-1", List.of(new Requirement("A", Platform.SIM, "sim-1", null)));
        awaitWaiting(alloc, 1);
        Allocation other = alloc.allocate("wants-sim-2", 1, List.of(new Requirement("A", Platform.SIM, "sim-2", null)), 0, Set.of());
        assertThat(other.byLabel().get("A").id()).isEqualTo("sim-2");
        alloc.release("holder");
        assertThat(waiting.get(10, TimeUnit.SECONDS).byLabel().get("A").id()).isEqualTo("sim-1");
    }

    @Test
    void devicesDrivenByAnotherDaemonAreSkippedAndNamed() throws Exception {
        Allocator alloc = new Allocator(POOL, id -> id.equals("sim-1")
                ? Optional.of(new MachineLocks.Holder(777, "/other/home")) : Optional.empty());
        Allocation a = alloc.allocate("run", 1, anySims("A"), 0, Set.of());
        assertThat(a.byLabel().get("A").id()).isNotEqualTo("sim-1");
        assertThatThrownBy(() -> alloc.allocate("run-2", 1, List.of(new Requirement("A", Platform.SIM, "sim-1", null)), 0, Set.of()))
                .hasMessageContaining("pid 777").hasMessageContaining("/other/home");
    }

    @Test
    void sharedLeasesNeverBlockAndAreListed() throws Exception {
        Allocator alloc = allocator();
        alloc.allocate("run", 1, List.of(new Requirement("A", Platform.SIM, "sim-1", null)), 0, Set.of());
        var look = alloc.openShared("snapshot", 5, "sim-1");
        assertThat(alloc.sharedLeases()).extracting(Allocator.SharedLease::deviceId).containsExactly("sim-1");
        alloc.release("run");
        assertThat(alloc.inUse("sim-1")).as("a shared look keeps the runner").isTrue();
        alloc.closeShared(look);
        assertThat(alloc.inUse("sim-1")).isFalse();
    }

    @Test
    void leasesOfDeadOwnersExpire() throws Exception {
        Allocator alloc = allocator();
        alloc.allocate("ghost", Long.MAX_VALUE - 1, anySims("A"), 0, Set.of());
        assertThat(alloc.expire(0)).containsExactly("ghost");
        assertThat(alloc.allocations()).isEmpty();
    }

    /** Another daemon that takes the device between our probe and our grant (the probe says free, the claim fails). */
    static final class RacingDaemon implements DeviceClaims {
        final java.util.concurrent.atomic.AtomicBoolean otherHoldsSim1 = new java.util.concurrent.atomic.AtomicBoolean(true);
        final java.util.Set<String> ours = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<String> unclaimed = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public Optional<MachineLocks.Holder> heldElsewhere(String id) {
            return Optional.empty();
        }

        @Override
        public boolean held(String id) {
            return ours.contains(id);
        }

        @Override
        public Optional<MachineLocks.Holder> claim(String id) {
            if (id.equals("sim-1") && otherHoldsSim1.get()) return Optional.of(new MachineLocks.Holder(4711, "/other/home"));
            ours.add(id);
            return Optional.empty();
        }

        @Override
        public void unclaim(String id) {
            ours.remove(id);
            unclaimed.add(id);
        }
    }

    @Test
    void aDeviceAnotherDaemonWonInARaceIsWaitedForNotFailedAtOnce() throws Exception {
        RacingDaemon other = new RacingDaemon();
        Allocator alloc = new Allocator(POOL, other);
        List<Requirement> sim1 = List.of(new Requirement("A", Platform.SIM, "sim-1", null));
        assertThatThrownBy(() -> alloc.allocate("no-wait", 1, sim1, 0, Set.of()))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE));
        var waiting = grabAsync(alloc, "waits", sim1);
        awaitWaiting(alloc, 1);
        assertThat(waiting).as("still waiting within its bound").isNotDone();
        other.otherHoldsSim1.set(false);
        assertThat(waiting.get(10, TimeUnit.SECONDS).byLabel().get("A").id()).isEqualTo("sim-1");
        assertThat(other.ours).containsExactly("sim-1");
        alloc.release("waits");
        assertThat(other.ours).as("the claim ends with the lease").isEmpty();
    }

    @Test
    void aMultiDeviceGrantThatLosesOneClaimGivesBackTheOthers() throws Exception {
        RacingDaemon other = new RacingDaemon();
        Allocator alloc = new Allocator(POOL, other);
        List<Requirement> both = List.of(new Requirement("A", Platform.SIM, "sim-2", null), new Requirement("B", Platform.SIM, "sim-1", null));
        assertThatThrownBy(() -> alloc.allocate("pair", 1, both, 0, Set.of())).isInstanceOf(TandemException.class);
        assertThat(other.ours).as("all or none, machine locks included").isEmpty();
        assertThat(other.unclaimed).contains("sim-2");
    }

    private static CompletableFuture<Allocation> grabAsync(Allocator alloc, String owner, List<Requirement> reqs) {
        CompletableFuture<Allocation> granted = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                granted.complete(alloc.allocate(owner, 1, reqs, 10_000, Set.of()));
            } catch (Throwable e) {
                granted.completeExceptionally(e);
            }
        });
        return granted;
    }

    /** Waits (bounded) until {@code n} requests are parked inside the allocator, as the allocator itself counts them. */
    private static void awaitWaiting(Allocator alloc, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (alloc.waiting() < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("only " + alloc.waiting() + " requests queued, expected " + n);
            Thread.onSpinWait();
        }
    }
}
