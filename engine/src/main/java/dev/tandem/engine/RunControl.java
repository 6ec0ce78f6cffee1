package dev.tandem.engine;

import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The shared state of one run: its sync points, its run-scoped named locks, which command each
 * track has in flight, and the first failure. One lock and one condition cover all of it, so a
 * failure wakes every waiter at once (fail-fast) and a sync point's hand-off is one signal.
 */
final class RunControl {
    /** Where a track is, for messages about peers that did not arrive. */
    record Position(int planStep, String tool) {}

    /** The failure that stopped the run, with the device it happened on. */
    record Origin(String label, Failure failure) {}

    private record InFlight(StepCall call, DeviceChannel channel) {}

    final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AbortStrategy strategy;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Position> positions = new ConcurrentHashMap<>();
    private final Map<String, Object> namedLocks = new HashMap<>();
    private final Map<Integer, Set<String>> arrivals = new HashMap<>();
    private final Map<Integer, Integer> cursors = new HashMap<>();
    /** Devices lost outside any step (their runner died and took the device's state): each track fails itself. */
    private final Map<String, ErrorInfo> lost = new ConcurrentHashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private Origin firstFailure;
    private String externalAbort;

    RunControl(AbortStrategy strategy) {
        this.strategy = strategy;
    }

    AbortStrategy strategy() {
        return strategy;
    }

    boolean stopping() {
        return stopping;
    }

    void at(String label, Position p) {
        positions.put(label, p);
    }

    Position positionOf(String label) {
        return positions.get(label);
    }

    /**
     * Registers a command about to run. Returns false when the run is stopping: the command must
     * not start. Registration and the abort's cancellation sweep exclude each other, so no command
     * slips past an {@code immediate} abort.
     */
    synchronized boolean begin(String label, StepCall call, DeviceChannel channel) {
        if (stopping) return false;
        inFlight.put(label, new InFlight(call, channel));
        return true;
    }

    void end(String label) {
        inFlight.remove(label);
    }

    /**
     * The device of {@code label} was lost (e.g. reset by a runner restart): its track fails with
     * {@code error} at its next step or at once where it waits, which releases its peers. Ignored
     * once the track has finished: a device lost after its last step changed nothing it reported.
     */
    void deviceLost(String label, ErrorInfo error) {
        lock.lock();
        try {
            if (finished.contains(label)) return;
            lost.putIfAbsent(label, error);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Why the device of {@code label} was lost, or null. */
    ErrorInfo lostError(String label) {
        return lost.get(label);
    }

    void finished(String label) {
        lock.lock();
        try {
            finished.add(label);
        } finally {
            lock.unlock();
        }
    }

    /** Codes that report the abort itself rather than something wrong on a device. */
    static boolean consequence(ErrorCode code) {
        return code == ErrorCode.PEER_FAILED || code == ErrorCode.ABORTED || code == ErrorCode.CANCELLED;
    }

    /**
     * A track failed. The run's root cause is the first real failure: a consequence code (a device
     * reporting CANCELLED on its own) only stands until a real failure follows, and nothing that
     * fails after an abort from outside is a root cause.
     */
    void failed(String label, Failure failure) {
        stop(() -> {
            if (externalAbort != null) return;
            if (firstFailure == null || (consequence(firstFailure.failure().code()) && !consequence(failure.code()))) {
                firstFailure = new Origin(label, failure);
            }
        }, label);
    }

    /** The run is stopped from outside (client gone, daemon stopping). */
    void abortRun(String reason) {
        stop(() -> {
            if (externalAbort == null) externalAbort = reason;
        }, null);
    }

    private void stop(Runnable record, String except) {
        synchronized (this) {
            lock.lock();
            try {
                record.run();
                stopping = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (strategy == AbortStrategy.IMMEDIATE || except == null) {
                inFlight.forEach((label, f) -> {
                    if (!label.equals(except)) f.channel().cancel(f.call());
                });
            }
        }
    }

    Origin firstFailure() {
        lock.lock();
        try {
            return firstFailure;
        } finally {
            lock.unlock();
        }
    }

    String externalAbort() {
        lock.lock();
        try {
            return externalAbort;
        } finally {
            lock.unlock();
        }
    }

    /** The reason a waiting or stopping track gives: which device failed where. */
    StepFailure peerFailure(String waiting) {
        lock.lock();
        try {
            ErrorInfo own = lost.get(waiting);
            if (own != null) return new StepFailure(own);
            if (firstFailure != null) {
                Failure f = firstFailure.failure();
                return new StepFailure(ErrorCode.PEER_FAILED, "device " + firstFailure.label() + " failed at plan step "
                        + f.planStep() + " (" + f.tool() + "): " + f.code() + ": " + f.message());
            }
            return new StepFailure(ErrorCode.ABORTED, "the run was aborted: " + (externalAbort == null ? "stopping" : externalAbort));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits (holding {@link #lock}) until {@code done} holds. Fails fast with the peer's failure
     * when the run stops, and with {@code onTimeout} at the deadline.
     */
    void await(BooleanSupplier done, long deadlineNanos, String waiting, java.util.function.Supplier<StepFailure> onTimeout)
            throws StepFailure, InterruptedException {
        while (!done.getAsBoolean()) {
            if (stopping || lost.containsKey(waiting)) throw peerFailure(waiting);
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) throw onTimeout.get();
            changed.awaitNanos(left);
        }
    }

    /**
     * Waits (holding {@link #lock}) up to the deadline, like a device command in flight: an
     * immediate abort, an abort from outside or the loss of the waiting device cuts it short.
     * Returns false when cut short.
     */
    boolean pause(long deadlineNanos, String label) throws InterruptedException {
        while (true) {
            if (stopping && (strategy == AbortStrategy.IMMEDIATE || externalAbort != null)) return false;
            if (lost.containsKey(label)) return false;
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) return true;
            changed.awaitNanos(left);
        }
    }

    void signalAll() {
        changed.signalAll();
    }

    /** Arrivals at the sync point of a plan index (held lock required). */
    Set<String> arrivals(int planIndex) {
        return arrivals.computeIfAbsent(planIndex, k -> new HashSet<>());
    }

    int cursor(int planIndex) {
        return cursors.getOrDefault(planIndex, 0);
    }

    void advance(int planIndex) {
        cursors.merge(planIndex, 1, Integer::sum);
        changed.signalAll();
    }

    /** Whether the run-scoped lock {@code name} is free or already held by {@code owner}. */
    boolean lockAvailable(String name, Object owner) {
        Object holder = namedLocks.get(name);
        return holder == null || holder == owner;
    }

    void holdLock(String name, Object owner) {
        namedLocks.put(name, owner);
    }

    void releaseLock(String name, Object owner) {
        if (namedLocks.get(name) == owner) namedLocks.remove(name);
        changed.signalAll();
    }
}
