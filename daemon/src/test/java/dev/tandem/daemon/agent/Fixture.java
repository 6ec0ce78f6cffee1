package dev.tandem.daemon.agent;

import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.state.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** A daemon's device parts for lease tests: two sims, an allocator, a registry on a fake clock and fake pids. */
final class Fixture {
    static final long PID = 4242;

    final DevicePool pool = DevicePool.fromEnv(Map.of("TANDEM_SIM_DEVICES", "2", "TANDEM_WEB_DEVICES", "0"));
    final Allocator allocator = new Allocator(pool, id -> Optional.empty());
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Set<Long> deadPids = ConcurrentHashMap.newKeySet();
    final LeaseRegistry leases;

    Fixture() {
        this(false);
    }

    /** @param realPids whether pids are checked against the OS (the watcher test kills a real process) */
    Fixture(boolean realPids) {
        leases = new LeaseRegistry(pool, allocator, quiet(), nanos::get, realPids
                ? pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                : pid -> !deadPids.contains(pid));
    }

    static Log quiet() {
        return new Log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "test");
    }

    static LeaseRequest sims(String owner, String... specs) {
        return new LeaseRequest(owner, PID, List.of(specs), null, null, null, null);
    }

    void advanceMs(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    /** The allocator's holder of a device, by name, or null. */
    String holder(String device) {
        return allocator.holderOf(device).map(a -> a.owner()).orElse(null);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            LockSupport.parkNanos(1_000_000);
        }
    }
}
