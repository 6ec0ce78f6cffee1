package dev.tandem.daemon.agent;

import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.Requirement;
import dev.tandem.daemon.devices.Requirements;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.LeaseReply;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.api.ReleaseRequest;
import dev.tandem.protocol.state.Log;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * The leases clients hold on devices (an MCP session, the Java API): granted by the same
 * {@link Allocator} as runs, so a run and an agent never hold one device at once. A lease ends on
 * release of all its devices, when its client's pid dies, or when no heartbeat came for
 * {@link #EXPIRES_AFTER_MS}; {@link #sweep} finds those, and {@link #startWatching} runs it every
 * {@link #WATCH_MS}.
 */
public final class LeaseRegistry implements AutoCloseable {
    public static final long EXPIRES_AFTER_MS = 5_000;
    static final long WATCH_MS = 250;

    private final DevicePool pool;
    private final Allocator allocator;
    private final Log log;
    private final LongSupplier nanos;
    private final LongPredicate pidAlive;
    private final Map<String, AgentLease> leases = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private volatile Thread watcher;
    /** Called with a lease when it ends, whatever ended it (refs of the scope are dropped). */
    private volatile java.util.function.Consumer<AgentLease> onEnd = lease -> { };

    public LeaseRegistry(DevicePool pool, Allocator allocator, Log log) {
        this(pool, allocator, log, System::nanoTime, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** @param nanos the clock heartbeats are timed by; @param pidAlive whether a client pid lives (tests pass fakes) */
    LeaseRegistry(DevicePool pool, Allocator allocator, Log log, LongSupplier nanos, LongPredicate pidAlive) {
        this.pool = pool;
        this.allocator = allocator;
        this.log = log;
        this.nanos = nanos;
        this.pidAlive = pidAlive;
    }

    void onEnd(java.util.function.Consumer<AgentLease> listener) {
        this.onEnd = listener;
    }

    /** {@code POST /v1/leases}: a new lease, or more devices on an existing one ({@code req.lease()}). */
    public LeaseReply acquire(LeaseRequest req) throws InterruptedException {
        if (req.owner() == null || req.owner().isBlank()) {
            throw new TandemException(ErrorCode.USAGE, "a lease needs `owner` (who asks, shown by `tandem sessions`, e.g. \"mcp claude-code\")");
        }
        if (req.clientPid() <= 0) {
            throw new TandemException(ErrorCode.USAGE, "a lease needs `clientPid`, the pid of the process holding it: the lease ends when it dies");
        }
        AgentLease existing = req.lease() == null ? null : get(req.lease());
        List<Requirement> reqs = requirements(req);
        long waitMs = req.waitMs() == null ? 0 : Math.max(0, req.waitMs());
        if (existing != null) {
            synchronized (existing) {
                String adding = existing.allocKey() + " adding";
                allocator.allocate(adding, existing.clientPid(), reqs, waitMs, Set.of());
                if (leases.get(existing.id()) != existing) {
                    // the lease ended while we waited: what we got must not outlive it
                    allocator.release(adding);
                    get(existing.id());
                }
                allocator.absorb(adding, existing.allocKey(), existing.clientPid());
                existing.beat(nanos.getAsLong());
                return reply(existing);
            }
        }
        String id = "L" + HexFormat.of().formatHex(random.generateSeed(16));
        long n = seq.incrementAndGet();
        String key = req.owner().trim() + " (lease " + n + ")";
        String adding = key + " starting";
        allocator.allocate(adding, req.clientPid(), reqs, waitMs, Set.of());
        allocator.absorb(adding, key, req.clientPid());
        AgentLease lease = new AgentLease(id, n, req.owner().trim(), req.clientPid(), key, nanos.getAsLong());
        leases.put(id, lease);
        log.info("lease " + n + " for " + req.owner() + " (pid " + req.clientPid() + "): " + deviceIds(lease));
        return reply(lease);
    }

    /** One device per spec, or {@code count} of a platform. */
    private List<Requirement> requirements(LeaseRequest req) {
        pool.check();
        List<Requirement> reqs = new ArrayList<>();
        if (!req.specs().isEmpty()) {
            for (int i = 0; i < req.specs().size(); i++) {
                String spec = req.specs().get(i).trim();
                String label = "device " + (i + 1);
                // a bare device id ("sim-1") names that device, as the one-shot commands' --device does
                Optional<DeviceSlot> byId = pool.byId(spec);
                reqs.add(byId.isPresent() ? new Requirement(label, byId.get().platform(), byId.get().id(), null)
                        : Requirement.parse(label, spec, pool, Requirement.BACKEND_PROFILES));
            }
        } else {
            int count = req.count() == null ? 1 : req.count();
            if (count < 1) throw new TandemException(ErrorCode.USAGE, "`count` must be 1 or more, not " + count);
            String platform = req.platform() != null ? req.platform() : Requirements.defaultPlatform(pool);
            for (int i = 0; i < count; i++) reqs.add(Requirement.parse("device " + (i + 1), platform, pool, Requirement.BACKEND_PROFILES));
        }
        Requirements.checkServable(reqs, pool);
        return reqs;
    }

    /** {@code POST /v1/leases/heartbeat}. */
    public LeaseReply heartbeat(String id) {
        AgentLease lease = get(id);
        lease.beat(nanos.getAsLong());
        allocator.heartbeat(lease.allocKey());
        return reply(lease);
    }

    /** {@code POST /v1/leases/release}: the devices named (none: all, and the lease ends). */
    public LeaseReply release(ReleaseRequest req) {
        AgentLease lease = get(req.lease());
        synchronized (lease) {
            List<String> held = deviceIds(lease);
            for (String d : req.devices()) {
                if (!held.contains(d)) {
                    throw new TandemException(ErrorCode.DEVICE_NOT_LEASED, "the lease holds " + held + ", not " + d
                            + "; release one of those (or none: all)");
                }
            }
            if (req.devices().isEmpty() || req.devices().containsAll(held)) {
                end(lease, "released by its client");
                return new LeaseReply(lease.id(), List.of(), EXPIRES_AFTER_MS);
            }
            allocator.releaseDevices(lease.allocKey(), req.devices());
            lease.beat(nanos.getAsLong());
            return reply(lease);
        }
    }

    /** The live lease with this id, or DEVICE_NOT_LEASED saying it is gone. */
    public AgentLease get(String id) {
        AgentLease lease = id == null ? null : leases.get(id);
        if (lease == null) {
            throw new TandemException(ErrorCode.DEVICE_NOT_LEASED, "no lease " + (id == null ? "was named" : "'" + id + "'")
                    + ": it ended (released, its client's process died, or no heartbeat for " + EXPIRES_AFTER_MS / 1000
                    + " s) or never existed; acquire the devices again");
        }
        return lease;
    }

    /** The lease must hold the device, else DEVICE_NOT_LEASED naming who does. Counts as a sign of life. */
    public AgentLease holding(String id, String device) {
        AgentLease lease = get(id);
        if (!deviceIds(lease).contains(device)) {
            Optional<Allocation> holder = allocator.holderOf(device);
            throw new TandemException(ErrorCode.DEVICE_NOT_LEASED, "your lease (" + lease.allocKey() + ") does not hold " + device
                    + "; " + holder.map(a -> "it is held by " + a.owner() + " (pid " + a.ownerPid() + ")")
                    .orElse("nobody holds it: acquire it") + ". Your lease holds " + deviceIds(lease) + ".");
        }
        lease.beat(nanos.getAsLong());
        return lease;
    }

    /** The name the allocator knows a lease by ({@code mcp claude-code (lease 3)}), for runs on it. */
    public String holderName(String id) {
        return get(id).allocKey();
    }

    public List<String> deviceIds(AgentLease lease) {
        return allocator.allocations().stream().filter(a -> a.owner().equals(lease.allocKey())).findFirst()
                .map(a -> a.byLabel().values().stream().map(DeviceSlot::id).toList()).orElse(List.of());
    }

    /** The profile the lease asked for on a device (null: the device's own). */
    public String profileOf(AgentLease lease, String device) {
        return allocator.allocations().stream().filter(a -> a.owner().equals(lease.allocKey())).findFirst()
                .map(a -> a.profiles().get(device)).orElse(null);
    }

    private LeaseReply reply(AgentLease lease) {
        Allocation a = allocator.allocations().stream().filter(x -> x.owner().equals(lease.allocKey())).findFirst().orElse(null);
        List<LeaseReply.Device> devices = new ArrayList<>();
        if (a != null) {
            a.byLabel().forEach((label, slot) -> devices.add(new LeaseReply.Device(slot.id(), slot.platform().name(),
                    a.profiles().getOrDefault(label, slot.profile()))));
        }
        return new LeaseReply(lease.id(), devices, EXPIRES_AFTER_MS);
    }

    /** Ends the leases whose client died or went silent; returns how many ended. */
    public int sweep() {
        int ended = 0;
        long now = nanos.getAsLong();
        for (AgentLease lease : List.copyOf(leases.values())) {
            if (!pidAlive.test(lease.clientPid())) {
                end(lease, "its client (pid " + lease.clientPid() + ") is gone");
                ended++;
            } else if (lease.silentMs(now) > EXPIRES_AFTER_MS) {
                end(lease, "no heartbeat for " + lease.silentMs(now) + " ms");
                ended++;
            } else if (deviceIds(lease).isEmpty()) {
                end(lease, "it holds no device any more");
                ended++;
            }
        }
        return ended;
    }

    private void end(AgentLease lease, String why) {
        synchronized (lease) {
            if (leases.remove(lease.id()) == null) return;
            allocator.release(lease.allocKey());
        }
        log.info("lease " + lease.seq() + " of " + lease.owner() + " ended: " + why + "; its devices are free");
        onEnd.accept(lease);
    }

    public List<AgentLease> leases() {
        return List.copyOf(leases.values());
    }

    /** Starts the watcher thread (a daemon thread: it never keeps the process up). */
    public void startWatching() {
        watcher = Thread.ofPlatform().daemon().name("lease-watch").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(WATCH_MS); // the watch tick: a dead client's devices are free within it
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    sweep();
                } catch (RuntimeException e) {
                    log.warn("lease watch: " + e);
                }
            }
        });
    }

    @Override
    public void close() {
        Thread w = watcher;
        if (w != null) w.interrupt();
    }
}
