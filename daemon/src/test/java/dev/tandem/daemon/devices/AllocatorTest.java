package dev.tandem.daemon.devices;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AllocatorTest {
    static final DevicePool POOL = DevicePool.fromEnv(Map.of("TANDEM_SIM_DEVICES", "4", "TANDEM_WEB_DEVICES", "1"));

    static Allocator allocator() {
        return new Allocator(POOL, id -> Optional.empty());
    }

    static List<Requirement> anySims(String... labels) {
        List<Requirement> r = new ArrayList<>();
        for (String l : labels) r.add(new Requirement(l, "sim", null, null));
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
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread big = Thread.ofVirtual().start(() -> grab(alloc, "big", anySims("A", "B", "C"), order));
        awaitQueued(alloc, big);
        Thread small = Thread.ofVirtual().start(() -> grab(alloc, "small", anySims("A"), order));
        awaitQueued(alloc, small);
        alloc.release("holder");
        big.join(Duration.ofSeconds(10));
        small.join(Duration.ofSeconds(10));
        assertThat(order).containsExactly("big", "small");
    }

    @Test
    void aSpecificDeviceDoesNotWaitBehindAnUnrelatedRequest() throws Exception {
        Allocator alloc = allocator();
        alloc.allocate("holder", 1, List.of(new Requirement("A", "sim", "sim-1", null)), 0, Set.of());
        Thread waiting = Thread.ofVirtual().start(() -> grab(alloc, "wants-sim-1",
                List.of(new Requirement("A", "sim", "sim-1", null)), new ArrayList<>()));
        awaitQueued(alloc, waiting);
        Allocation other = alloc.allocate("wants-sim-2", 1, List.of(new Requirement("A", "sim", "sim-2", null)), 0, Set.of());
        assertThat(other.byLabel().get("A").id()).isEqualTo("sim-2");
        alloc.release("holder");
        waiting.join(Duration.ofSeconds(10));
    }

    @Test
    void devicesDrivenByAnotherDaemonAreSkippedAndNamed() throws Exception {
        Allocator alloc = new Allocator(POOL, id -> id.equals("sim-1")
                ? Optional.of(new MachineLocks.Holder(777, "/other/home")) : Optional.empty());
        Allocation a = alloc.allocate("run", 1, anySims("A"), 0, Set.of());
        assertThat(a.byLabel().get("A").id()).isNotEqualTo("sim-1");
        assertThatThrownBy(() -> alloc.allocate("run-2", 1, List.of(new Requirement("A", "sim", "sim-1", null)), 0, Set.of()))
                .hasMessageContaining("pid 777").hasMessageContaining("/other/home");
    }

    @Test
    void sharedLeasesNeverBlockAndAreListed() throws Exception {
        Allocator alloc = allocator();
        alloc.allocate("run", 1, List.of(new Requirement("A", "sim", "sim-1", null)), 0, Set.of());
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

    private static void grab(Allocator alloc, String owner, List<Requirement> reqs, List<String> order) {
        try {
            alloc.allocate(owner, 1, reqs, 10_000, Set.of());
            order.add(owner);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded) until a thread is parked inside the allocator. */
    private static void awaitQueued(Allocator alloc, Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) throw new AssertionError("thread never queued: " + t.getState());
            Thread.onSpinWait();
        }
    }
}
