package dev.tandem.daemon.devices;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Grants devices to runs atomically: all labels of a run or none, so two multi-device runs never
 * deadlock each holding half of what they need. Waiting is bounded and first come, first served: a
 * request may only overtake an earlier waiting one when it cannot take any device that one could use.
 */
public final class Allocator {
    private final DevicePool pool;
    /** Cross-process waits have no wake-up: a waiter re-checks other daemons' devices this often. */
    static final long POLL_MS = 200;
    private final DeviceClaims claims;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Allocation> holders = new HashMap<>();
    private final Map<String, Long> heartbeats = new HashMap<>();
    private final Map<Long, SharedLease> shared = new HashMap<>();
    /** Runs using a holder's devices ({@link #lend}): the borrower's allocation and whose devices it uses. */
    private final Map<String, Lent> lent = new HashMap<>();
    private long sharedSeq;
    private long grants;

    /**
     * A look at a device another run may hold (snapshot, screenshot): never exclusive, never waits,
     * listed by {@code tandem sessions} while it lasts.
     */
    public record SharedLease(long id, String owner, long ownerPid, String deviceId, long since) {}
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

    /** A waiting request; identity matters (two runs may ask for equal requirements). */
    private static final class Waiter {
        final List<Requirement> reqs;

        Waiter(List<Requirement> reqs) {
            this.reqs = reqs;
        }
    }

    /** @param foreignHolder the other daemon driving a device, if any: such devices are never granted */
    public Allocator(DevicePool pool, Function<String, Optional<MachineLocks.Holder>> foreignHolder) {
        this(pool, DeviceClaims.probing(foreignHolder));
    }

    /** @param claims the machine-wide locks, claimed with each grant and given back with each release */
    public Allocator(DevicePool pool, DeviceClaims claims) {
        this.pool = pool;
        this.claims = claims;
    }

    /**
     * Allocates every requirement or throws DEVICE_UNAVAILABLE after {@code waitMs} (0: do not wait).
     *
     * @param preferred devices to try first (e.g. those with a warm runner)
     */
    public Allocation allocate(String owner, long ownerPid, List<Requirement> reqs, long waitMs, Set<String> preferred)
            throws InterruptedException {
        return allocate(owner, ownerPid, reqs, waitMs, preferred, why -> { });
    }

    /**
     * As above; {@code onWait} hears once, with the holders named, when the request has to wait
     * (so a waiting user knows why nothing happens).
     */
    public Allocation allocate(String owner, long ownerPid, List<Requirement> reqs, long waitMs, Set<String> preferred,
            java.util.function.Consumer<String> onWait) throws InterruptedException {
        // a device no one offers may have just appeared on a Grid: look once before saying none exists
        if (reqs.stream().anyMatch(r -> pool.slots().stream().noneMatch(r::accepts))) pool.refresh();
        for (Requirement r : reqs) {
            if (pool.slots().stream().noneMatch(r::accepts)) {
                throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, "no " + r.platform() + " device"
                        + (r.deviceId() == null ? "" : " '" + r.deviceId() + "'") + " exists for " + r.label()
                        + "; `tandem devices` lists them");
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        Waiter me = new Waiter(reqs);
        boolean told = false;
        lock.lock();
        queue.addLast(me);
        try {
            while (true) {
                Optional<Map<String, DeviceSlot>> pick = tryPick(me, preferred);
                if (pick.isPresent()) {
                    Map<String, String> profiles = new HashMap<>();
                    for (Requirement r : reqs) if (r.profile() != null) profiles.put(r.label(), r.profile());
                    Allocation a = new Allocation(owner, ownerPid, pick.get(), profiles, ++grants);
                    holders.put(owner, a);
                    heartbeats.put(owner, System.nanoTime());
                    return a;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw unavailable(reqs, waitMs);
                if (!told) {
                    told = true;
                    onWait.accept(unavailable(reqs, 0).getMessage().replace("could not get", "waiting for")
                            .replace(" without waiting", ""));
                }
                // another daemon's release signals nothing here, nor a Grid's new node: look again soon
                pool.refreshSoon();
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MS)));
            }
        } finally {
            queue.remove(me);
            changed.signalAll();
            lock.unlock();
        }
    }

    /** How many requests are waiting now (parked in {@code allocate}). */
    public int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** How long a run's end waits for its devices' sources to let go of what the lease held elsewhere (Grid sessions). */
    public static final long GIVE_BACK_WAIT_MS = 20_000;

    /**
     * After {@link #release}: returns once the devices' sources hold nothing outside this host for
     * the ended lease (a Grid session closed), at most {@link #GIVE_BACK_WAIT_MS}; outside the lock.
     */
    public void awaitGivenBack(java.util.Collection<String> deviceIds) throws InterruptedException {
        claims.awaitGivenBack(deviceIds, GIVE_BACK_WAIT_MS);
    }

    public void release(String owner) {
        lock.lock();
        try {
            keepLentDevices(owner, null);
            Allocation a = holders.remove(owner);
            heartbeats.remove(owner);
            if (a != null) unclaim(a);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private record Lent(String holder, Allocation alloc) {}

    /**
     * Gives {@code deviceIds} of {@code owner}'s allocation back (the others stay held); the
     * allocation ends when none is left. Returns the ids it held and gave back.
     */
    public List<String> releaseDevices(String owner, java.util.Collection<String> deviceIds) {
        lock.lock();
        try {
            Allocation a = holders.get(owner);
            if (a == null) return List.of();
            keepLentDevices(owner, Set.copyOf(deviceIds));
            Map<String, DeviceSlot> kept = new LinkedHashMap<>();
            Map<String, String> profiles = new HashMap<>();
            List<String> gone = new ArrayList<>();
            a.byLabel().forEach((label, slot) -> {
                if (deviceIds.contains(slot.id())) {
                    gone.add(slot.id());
                } else {
                    kept.put(label, slot);
                    if (a.profiles().containsKey(label)) profiles.put(label, a.profiles().get(label));
                }
            });
            if (kept.isEmpty()) {
                holders.remove(owner);
                heartbeats.remove(owner);
            } else {
                holders.put(owner, new Allocation(owner, a.ownerPid(), kept, profiles, a.grant()));
            }
            gone.forEach(id -> unclaimIfFree(id));
            changed.signalAll();
            return gone;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves every device of {@code from}'s allocation into {@code into}'s (created when absent),
     * labelled by device id: how a lease grows by a second acquire, allocated atomically first under
     * its own name. No device is free in between.
     */
    public Allocation absorb(String from, String into, long intoPid) {
        lock.lock();
        try {
            Allocation add = holders.remove(from);
            heartbeats.remove(from);
            Allocation base = holders.get(into);
            Map<String, DeviceSlot> devices = new LinkedHashMap<>();
            Map<String, String> profiles = new HashMap<>();
            for (Allocation a : base == null ? List.of(add) : List.of(base, add)) {
                if (a == null) continue;
                a.byLabel().forEach((label, slot) -> {
                    devices.put(slot.id(), slot);
                    String profile = a.profiles().get(label);
                    if (profile != null) profiles.put(slot.id(), profile);
                });
            }
            Allocation merged = new Allocation(into, intoPid, devices, profiles, base != null ? base.grant() : add != null ? add.grant() : 0);
            holders.put(into, merged);
            heartbeats.put(into, System.nanoTime());
            return merged;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lends devices {@code holder} holds to a run ({@code borrower}, labels to device ids) without
     * freeing them: the run's allocation is returned, and {@link #giveBack} ends it, the devices
     * still the holder's. A device the holder does not hold is DEVICE_NOT_LEASED.
     */
    public Allocation lend(String holder, String borrower, long borrowerPid, Map<String, String> labelToDevice) {
        lock.lock();
        try {
            Allocation a = holders.get(holder);
            Map<String, DeviceSlot> byLabel = new LinkedHashMap<>();
            Map<String, String> profiles = new HashMap<>();
            for (Map.Entry<String, String> e : labelToDevice.entrySet()) {
                Optional<Map.Entry<String, DeviceSlot>> held = a == null ? Optional.empty() : a.byLabel().entrySet().stream()
                        .filter(h -> h.getValue().id().equals(e.getValue())).findFirst();
                if (held.isEmpty()) {
                    throw new TandemException(ErrorCode.DEVICE_NOT_LEASED, "label " + e.getKey() + " names " + e.getValue()
                            + ", which the lease does not hold" + (a == null ? "" : " (it holds " + a.byLabel().values().stream()
                            .map(DeviceSlot::id).toList() + ")") + "; acquire it first or name a device of the lease");
                }
                byLabel.put(e.getKey(), held.get().getValue());
                String profile = a.profiles().get(held.get().getKey());
                if (profile != null) profiles.put(e.getKey(), profile);
            }
            for (Lent l : lent.values()) {
                for (DeviceSlot s : l.alloc().byLabel().values()) {
                    if (byLabel.containsValue(s)) {
                        throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, s.id() + " is in use by run " + l.alloc().owner()
                                + " on the same lease; wait for it to end");
                    }
                }
            }
            Allocation run = new Allocation(borrower, borrowerPid, byLabel, profiles, ++grants);
            lent.put(borrower, new Lent(holder, run));
            return run;
        } finally {
            lock.unlock();
        }
    }

    /** Ends a run on lent devices: they stay the holder's (or, if the holder let go meanwhile, are freed now). */
    public void giveBack(String borrower) {
        lock.lock();
        try {
            Lent l = lent.remove(borrower);
            if (l != null && holders.get(borrower) == l.alloc()) release(borrower);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A holder lets devices go ({@code ids} null: all) while a run borrowed some: the run keeps
     * them as its own allocation until it gives them back, so no one else gets a device in use.
     */
    private void keepLentDevices(String holder, Set<String> ids) {
        for (Map.Entry<String, Lent> e : lent.entrySet()) {
            Lent l = e.getValue();
            if (!l.holder().equals(holder) || holders.get(e.getKey()) == l.alloc()) continue;
            boolean touched = ids == null || l.alloc().byLabel().values().stream().anyMatch(s -> ids.contains(s.id()));
            if (touched) {
                holders.put(e.getKey(), l.alloc());
                heartbeats.put(e.getKey(), System.nanoTime());
            }
        }
    }

    /** The owner is alive and still using its devices. */
    public void heartbeat(String owner) {
        lock.lock();
        try {
            if (holders.containsKey(owner)) heartbeats.put(owner, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases exclusive leases whose owner process is gone and whose heartbeat stopped more than
     * {@code graceMs} ago: a backstop for an owner that vanished without its run noticing.
     */
    public List<String> expire(long graceMs) {
        List<String> expired = new ArrayList<>();
        lock.lock();
        try {
            long now = System.nanoTime();
            for (Allocation a : List.copyOf(holders.values())) {
                boolean ownerAlive = ProcessHandle.of(a.ownerPid()).map(ProcessHandle::isAlive).orElse(false);
                long silentMs = (now - heartbeats.getOrDefault(a.owner(), now)) / 1_000_000;
                if (!ownerAlive && silentMs >= graceMs) {
                    keepLentDevices(a.owner(), null);
                    holders.remove(a.owner());
                    heartbeats.remove(a.owner());
                    unclaim(a);
                    expired.add(a.owner());
                }
            }
            if (!expired.isEmpty()) changed.signalAll();
        } finally {
            lock.unlock();
        }
        return expired;
    }

    public SharedLease openShared(String owner, long ownerPid, String deviceId) {
        lock.lock();
        try {
            SharedLease l = new SharedLease(++sharedSeq, owner, ownerPid, deviceId, System.currentTimeMillis());
            shared.put(l.id(), l);
            return l;
        } finally {
            lock.unlock();
        }
    }

    public void closeShared(SharedLease l) {
        lock.lock();
        try {
            shared.remove(l.id());
        } finally {
            lock.unlock();
        }
    }

    public List<SharedLease> sharedLeases() {
        lock.lock();
        try {
            return List.copyOf(shared.values());
        } finally {
            lock.unlock();
        }
    }

    /** Whether any lease, exclusive or shared, uses the device: its runner must not be stopped. */
    public boolean inUse(String deviceId) {
        lock.lock();
        try {
            return holderOf(deviceId).isPresent() || shared.values().stream().anyMatch(l -> l.deviceId().equals(deviceId));
        } finally {
            lock.unlock();
        }
    }

    /** Who holds a device, if anyone. */
    public Optional<Allocation> holderOf(String deviceId) {
        lock.lock();
        try {
            return holders.values().stream().filter(a -> a.byLabel().values().stream().anyMatch(s -> s.id().equals(deviceId)))
                    .findFirst();
        } finally {
            lock.unlock();
        }
    }

    public List<Allocation> allocations() {
        lock.lock();
        try {
            return List.copyOf(holders.values());
        } finally {
            lock.unlock();
        }
    }

    private Optional<Map<String, DeviceSlot>> tryPick(Waiter me, Set<String> preferred) {
        List<Requirement> reqs = me.reqs;
        Set<String> taken = new HashSet<>();
        for (DeviceSlot s : pool.slots()) {
            if (reqs.stream().anyMatch(r -> r.accepts(s)) && claims.heldElsewhere(s.id()).isPresent()) taken.add(s.id());
        }
        for (Allocation a : holders.values()) a.byLabel().values().forEach(s -> taken.add(s.id()));
        // first come, first served: devices an earlier waiter could use are off limits
        Set<String> reserved = new HashSet<>();
        for (Waiter earlier : queue) {
            if (earlier == me) break;
            for (Requirement r : earlier.reqs) {
                for (DeviceSlot s : pool.slots()) if (r.accepts(s)) reserved.add(s.id());
            }
        }
        Map<String, DeviceSlot> chosen = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        // specific devices first, so "any" requirements do not steal them
        List<Requirement> ordered = new ArrayList<>(reqs);
        ordered.sort((x, y) -> Boolean.compare(x.deviceId() == null, y.deviceId() == null));
        for (Requirement r : ordered) {
            DeviceSlot best = null;
            for (DeviceSlot s : pool.slots()) {
                if (!r.accepts(s) || taken.contains(s.id()) || used.contains(s.id()) || reserved.contains(s.id())) continue;
                if (best == null || (preferred.contains(s.id()) && !preferred.contains(best.id()))) best = s;
            }
            if (best == null) return Optional.empty();
            chosen.put(r.label(), best);
            used.add(best.id());
        }
        if (!claimAll(chosen.values())) return Optional.empty();
        Map<String, DeviceSlot> inOrder = new LinkedHashMap<>();
        for (Requirement r : reqs) inOrder.put(r.label(), chosen.get(r.label()));
        return Optional.of(inOrder);
    }

    /**
     * Claims the machine locks of a pick, all or none: a device another daemon took since the probe
     * lost us the race, and what this attempt claimed is given back (the caller waits and retries).
     */
    private boolean claimAll(java.util.Collection<DeviceSlot> picked) {
        List<String> claimed = new ArrayList<>();
        for (DeviceSlot s : picked) {
            if (claims.held(s.id())) continue;
            if (claims.claim(s.id()).isPresent()) {
                claimed.forEach(claims::unclaim);
                return false;
            }
            claimed.add(s.id());
        }
        return true;
    }

    private void unclaim(Allocation a) {
        a.byLabel().values().forEach(s -> unclaimIfFree(s.id()));
    }

    /** Gives a device's machine lock back unless another allocation (a run keeping a lent device) still holds it. */
    private void unclaimIfFree(String deviceId) {
        boolean held = holders.values().stream().anyMatch(a -> a.byLabel().values().stream().anyMatch(s -> s.id().equals(deviceId)));
        if (!held) claims.unclaim(deviceId);
    }

    /** A holder as messages name it: a run by its id, a client's lease by its owner name. */
    static String describe(Allocation a) {
        return a.owner().contains("(lease ") ? a.owner() : "run " + a.owner();
    }

    private TandemException unavailable(List<Requirement> reqs, long waitMs) {
        // more than a Grid lends: say so, and what to do, rather than that its devices are busy
        for (Shortfall f : Shortfall.of(reqs, pool)) {
            if (f.onGrid()) return new TandemException(ErrorCode.DEVICE_UNAVAILABLE, f.gridSentence(waitMs));
        }
        StringBuilder sb = new StringBuilder("could not get ");
        for (int i = 0; i < reqs.size(); i++) {
            Requirement r = reqs.get(i);
            if (i > 0) sb.append(", ");
            sb.append(r.label()).append('=').append(r.deviceId() != null ? r.deviceId() : r.platform());
        }
        sb.append(waitMs > 0 ? " within " + waitMs + " ms" : " without waiting").append(": ");
        List<String> busy = new ArrayList<>();
        for (Allocation a : holders.values()) {
            for (DeviceSlot s : a.byLabel().values()) {
                if (reqs.stream().anyMatch(r -> r.accepts(s))) busy.add(s.id() + " (" + describe(a) + ", pid " + a.ownerPid() + ")");
            }
        }
        for (DeviceSlot s : pool.slots()) {
            if (reqs.stream().noneMatch(r -> r.accepts(s))) continue;
            claims.heldElsewhere(s.id()).ifPresent(h -> busy.add(s.id() + " (driven by another Tandem daemon: " + h + ")"));
        }
        sb.append(busy.isEmpty() ? "the devices are busy" : "held: " + String.join(", ", busy));
        return new TandemException(ErrorCode.DEVICE_UNAVAILABLE, sb.toString());
    }
}
