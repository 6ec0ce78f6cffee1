package dev.tandem.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.protocol.result.SyncRecord;
import dev.tandem.plan.Barrier;
import dev.tandem.plan.CriticalSection;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.StepNote;
import dev.tandem.protocol.Tool;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Executes one track on its own thread: its steps in plan order, meeting its sync points. */
final class TrackRunner {
    private final Track track;
    private final String deviceId;
    private final DeviceChannel channel;
    private final RunControl control;
    private final RunListener listener;
    private final Consumer<StepRecord> recorder;
    private final Consumer<SyncRecord> syncs;
    private final String runId;
    private final AtomicLong commandSeq;
    private final long runStartNanos;
    private final String platform;
    /** Track indices of the steps run (or skipped by a when block) so far: a step repeated counts once. */
    private final java.util.BitSet ran = new java.util.BitSet();
    private Failure failure;
    private DeviceStatus status = DeviceStatus.PASSED;

    TrackRunner(Track track, String deviceId, DeviceChannel channel, RunControl control, RunListener listener,
            Consumer<StepRecord> recorder, Consumer<SyncRecord> syncs, String runId, AtomicLong commandSeq, long runStartNanos) {
        this(track, deviceId, channel, control, listener, recorder, syncs, runId, commandSeq, runStartNanos, null);
    }

    /** @param platform the platform of the track's device ({@code when: platform}); null when unknown */
    TrackRunner(Track track, String deviceId, DeviceChannel channel, RunControl control, RunListener listener,
            Consumer<StepRecord> recorder, Consumer<SyncRecord> syncs, String runId, AtomicLong commandSeq, long runStartNanos,
            String platform) {
        this.platform = platform;
        this.syncs = syncs;
        this.track = track;
        this.deviceId = deviceId;
        this.channel = channel;
        this.control = control;
        this.listener = listener;
        this.recorder = recorder;
        this.runId = runId;
        this.commandSeq = commandSeq;
        this.runStartNanos = runStartNanos;
    }

    DeviceResult call() {
        long start = System.nanoTime();
        TrackItem current = null;
        try {
            List<TrackItem> items = track.items();
            for (int i = 0; i < items.size(); i++) {
                TrackItem item = items.get(i);
                current = item;
                if (lost(item.planIndex(), item instanceof TrackItem.Own own ? own.trackIndex() : -1, toolOf(item))) break;
                if (control.stopping()) {
                    stopBecausePeer(item.planIndex(), item instanceof TrackItem.Own own ? own.trackIndex() : -1,
                            toolOf(item));
                    break;
                }
                boolean ok = switch (item) {
                    case TrackItem.Own own -> step(own.step(), own.trackIndex(),
                            i + 1 < items.size() && items.get(i + 1) instanceof TrackItem.Own);
                    case TrackItem.Section s -> section(s);
                    case TrackItem.InBlock b -> new BlockRunner(this, b, channel, control, track.label(), runId, commandSeq, platform).run();
                    case TrackItem.AtBarrier b -> barrier(b);
                };
                if (!ok) break;
            }
        } catch (InterruptedException e) {
            control.abortRun("interrupted");
            if (failure == null) stopBecausePeer(current.planIndex(), -1, toolOf(current));
        } catch (RuntimeException e) {
            // a bug (listener, engine): fail this track for real so its peers are released, never a dead thread
            failure = new Failure(current == null ? -1 : current.planIndex(), -1, current == null ? null : toolOf(current),
                    ErrorCode.INTERNAL, "the engine failed on device " + track.label() + ": " + e);
            status = DeviceStatus.FAILED;
            control.failed(track.label(), failure);
        }
        control.finished(track.label());
        DeviceResult result = new DeviceResult(deviceId, status, new DeviceResult.Steps(ran.cardinality(), track.total()),
                (System.nanoTime() - start) / 1_000_000, failure);
        try {
            listener.deviceFinished(track.label(), result);
        } catch (RuntimeException ignored) {
            // the result stands whatever the listener does
        }
        return result;
    }

    /**
     * Runs one step; false when the track must stop. {@code nextIsOwn}: the track's next item is
     * another step of its own, so the device may settle after it replies (see {@link StepCall}).
     */
    private boolean step(ToolStep step, int trackIndex, boolean nextIsOwn) throws InterruptedException {
        return step(step, trackIndex, null, null, nextIsOwn) == Outcome.OK;
    }

    /** How a step run inside a block ended: go on, the track must stop, or a retry block may try again. */
    enum Outcome { OK, STOP, RETRY }

    /**
     * Runs one step.
     *
     * @param iteration the innermost repeat or retry iteration (1-based), or null outside one
     * @param attempt inside a retry block with attempts left: "attempt 1 of 3"; a failure the block
     *     can retry is then recorded as a warning and returns {@link Outcome#RETRY} instead of failing the track. Null otherwise.
     * @param nextIsOwn the device may settle after its reply (see {@link StepCall}); false inside blocks,
     *     whose next item the block decides only after the step (it may end the block before a sync point)
     */
    Outcome step(ToolStep step, int trackIndex, Integer iteration, String attempt, boolean nextIsOwn) throws InterruptedException {
        if (lost(step.planIndex(), trackIndex, step.tool().wireName())) return Outcome.STOP;
        control.at(track.label(), new RunControl.Position(step.planIndex(), step.tool().wireName()));
        String label = step.label() != null ? step.label() : step.tool().wireName();
        listener.stepStarted(track.label(), step.planIndex(), trackIndex, step.tool().wireName(), label,
                StepTargets.describe(step), iteration);
        long t0 = System.nanoTime();
        ErrorInfo error = null;
        String screenshot = null;
        boolean consequence = false;
        Long ended = null; // when a failed command ended, before its failure screenshot
        List<StepNote> notes = List.of();
        StepCall stepCall = null;
        if (step.tool() == Tool.WAIT) {
            // the engine's own "command": it must not start once the run stops, like a device command
            if (control.stopping()) {
                stopBecausePeer(step.planIndex(), trackIndex, step.tool().wireName());
                return Outcome.STOP;
            }
            ran.set(trackIndex);
            // the step's timeout bounds the wait too (validation refuses ms > timeout where it can see both)
            long ms = Math.max(0, step.params().path("ms").asLong(0));
            long bound = step.effectiveTimeoutMs();
            boolean full;
            control.lock.lock();
            try {
                full = control.pause(t0 + Math.min(ms, bound) * 1_000_000L, track.label());
            } finally {
                control.lock.unlock();
            }
            ErrorInfo gone = full ? null : control.lostError(track.label());
            if (gone != null) {
                error = gone;
            } else if (!full) {
                error = new ErrorInfo(ErrorCode.CANCELLED, "the wait was cut short: "
                        + control.peerFailure(track.label()).error().message());
                consequence = true;
            } else if (ms > bound) {
                error = new ErrorInfo(ErrorCode.STEP_TIMEOUT, "wait of " + ms + " ms did not finish within its "
                        + bound + " ms timeout; lower 'ms' or raise 'timeout'");
            }
        } else {
            ObjectNode params = step.params().deepCopy();
            StepCall call = new StepCall(runId + "-" + commandSeq.incrementAndGet(), track.label(), step, params,
                    step.effectiveTimeoutMs(), nextIsOwn);
            stepCall = call;
            if (!control.begin(track.label(), call, channel)) {
                stopBecausePeer(step.planIndex(), trackIndex, step.tool().wireName());
                return Outcome.STOP;
            }
            ran.set(trackIndex);
            try {
                notes = StepNote.of(channel.execute(call));
            } catch (StepFailure f) {
                error = f.error();
                screenshot = f.screenshot();
                ended = f.endedNanos();
                consequence = control.stopping() && (error.code() == ErrorCode.CANCELLED);
            } catch (RuntimeException e) {
                error = new ErrorInfo(ErrorCode.INTERNAL, "the connection to device " + track.label() + " failed: " + e);
            } finally {
                control.end(track.label());
            }
        }
        long t1 = ended != null ? ended : System.nanoTime();
        if (error == null && stepCall != null) screenshot = channel.stepScreenshot(stepCall);
        StepStatus st = error == null ? StepStatus.PASSED
                : consequence ? StepStatus.CANCELLED
                : step.optional() ? StepStatus.WARNED : StepStatus.FAILED;
        boolean retry = st == StepStatus.FAILED && attempt != null && retryable(error);
        if (retry) {
            st = StepStatus.WARNED;
            error = new ErrorInfo(error.code(), error.message() + " (" + attempt + "; the retry block tries again)");
        }
        StepRecord record = new StepRecord(step.planIndex(), trackIndex, track.label(), step.tool().wireName(), label,
                st, (t0 - runStartNanos) / 1_000_000, (t1 - t0) / 1_000_000, error, screenshot, notes,
                source(step), iteration);
        recorder.accept(record);
        listener.stepFinished(record);
        switch (st) {
            case PASSED, WARNED -> {
                return retry ? Outcome.RETRY : Outcome.OK;
            }
            case SKIPPED -> {
                return Outcome.OK;
            }
            case CANCELLED -> {
                status = DeviceStatus.ABORTED;
                failure = new Failure(step.planIndex(), trackIndex, step.tool().wireName(), error.code(), error.message());
                return Outcome.STOP;
            }
            case FAILED -> {
                status = DeviceStatus.FAILED;
                failure = new Failure(step.planIndex(), trackIndex, step.tool().wireName(), error.code(), error.message(),
                        screenshot);
                control.failed(track.label(), failure);
                return Outcome.STOP;
            }
        }
        return Outcome.STOP;
    }

    /** A failure a retry block may try again: the plan's own (not the device's loss, nor an abort). */
    private boolean retryable(ErrorInfo error) {
        return error.code().category() == dev.tandem.protocol.ErrorCategory.PLAN_FAILED && !control.stopping()
                && control.lostError(track.label()) == null;
    }

    /** Where a sub-flow's step was written ({@code login.yaml:4:3 via plan.yaml:12:3}); null for the plan's own. */
    private static String source(ToolStep step) {
        return step.pos().via() != null ? step.pos().toString() : null;
    }

    /** Records a step a when block did not run: skipped, counted as handled. */
    void skipped(ToolStep step, int trackIndex, Integer iteration) {
        ran.set(trackIndex);
        String label = step.label() != null ? step.label() : step.tool().wireName();
        StepRecord record = new StepRecord(step.planIndex(), trackIndex, track.label(), step.tool().wireName(), label,
                StepStatus.SKIPPED, (System.nanoTime() - runStartNanos) / 1_000_000, 0, null, null, null,
                source(step), iteration);
        recorder.accept(record);
        listener.stepFinished(record);
    }

    /** A block that cannot go on (its bound, a failed condition check): the track fails here, its peers are released. */
    boolean blockFailed(int planIndex, String tool, ErrorInfo error) {
        if (failure == null) {
            boolean consequence = RunControl.consequence(error.code());
            failure = new Failure(planIndex, -1, tool, error.code(), error.message());
            status = consequence ? DeviceStatus.ABORTED : DeviceStatus.FAILED;
            if (!consequence) control.failed(track.label(), failure);
        }
        return false;
    }

    /** The run stopped (a peer failed, an abort) before a block's next step or look: stop like before any step. */
    boolean stopBecausePeer(int planIndex, String tool) {
        stopBecausePeer(planIndex, -1, tool);
        return false;
    }

    /** Whether this track's device was lost (then the track fails here); for blocks between their steps. */
    boolean lostAt(int planIndex, String tool) {
        return lost(planIndex, -1, tool);
    }

    private boolean section(TrackItem.Section item) throws InterruptedException {
        CriticalSection cs = item.section();
        int p = cs.planIndex();
        List<String> participants = item.participants();
        String me = track.label();
        control.at(me, new RunControl.Position(p, Tool.CRITICAL_SECTION.wireName()));
        listener.waiting(me, Tool.CRITICAL_SECTION.wireName(), cs.lock());
        long arrived = System.nanoTime();
        long deadline = System.nanoTime() + cs.timeoutMs() * 1_000_000L;
        StepFailure f = locked(() -> {
            control.arrivals(p).add(me);
            control.signalAll();
            control.await(() -> control.arrivals(p).size() == participants.size(), deadline, me,
                    () -> rendezvousTimeout(cs.lock(), "critical section", participants, p, cs.timeoutMs()));
            control.await(() -> control.lockAvailable(cs.lock(), cs), deadline, me, () -> new StepFailure(
                    ErrorCode.RENDEZVOUS_TIMEOUT, "lock '" + cs.lock() + "' stayed held by another section of this run for "
                            + cs.timeoutMs() + " ms"));
            control.holdLock(cs.lock(), cs);
        });
        if (f != null) {
            recordSync(p, Tool.CRITICAL_SECTION, cs.lock(), participants, arrived, -1);
            return syncFailed(p, f, Tool.CRITICAL_SECTION);
        }
        long entered = System.nanoTime();
        listener.sectionEntered(me, cs.lock());
        try {
            return sectionSteps(item);
        } finally {
            recordSync(p, Tool.CRITICAL_SECTION, cs.lock(), participants, arrived, entered);
        }
    }

    /** The section's steps for this track, in turn, then the common end. */
    private boolean sectionSteps(TrackItem.Section item) throws InterruptedException {
        CriticalSection cs = item.section();
        int p = cs.planIndex();
        String me = track.label();
        StepFailure f;
        long bound = sectionBound(cs);
        for (ToolStep s : cs.steps()) {
            if (!item.mine(s)) continue;
            long turnDeadline = System.nanoTime() + bound * 1_000_000L;
            f = locked(() -> control.await(() -> control.cursor(p) == s.nestedIndex(), turnDeadline, me,
                    () -> new StepFailure(ErrorCode.RENDEZVOUS_TIMEOUT, "the section's earlier steps did not finish within "
                            + bound + " ms")));
            if (f != null) return syncFailed(p, f, Tool.CRITICAL_SECTION);
            boolean ok = step(s, item.trackIndices().get(s.nestedIndex()), false); // a section ends on a settled screen for all
            locked(() -> {
                control.advance(p);
                if (control.cursor(p) == cs.steps().size()) control.releaseLock(cs.lock(), cs);
            });
            if (!ok) return false;
        }
        // the section ends for all participants together: no one's next step may interleave with it
        long endDeadline = System.nanoTime() + bound * 1_000_000L;
        f = locked(() -> control.await(() -> control.cursor(p) == cs.steps().size(), endDeadline, me,
                () -> new StepFailure(ErrorCode.RENDEZVOUS_TIMEOUT, "the section's other steps did not finish within "
                        + bound + " ms")));
        return f == null || syncFailed(p, f, Tool.CRITICAL_SECTION);
    }

    private boolean barrier(TrackItem.AtBarrier item) throws InterruptedException {
        Barrier b = item.barrier();
        List<String> devices = item.devices();
        String me = track.label();
        int p = b.planIndex();
        String name = b.label() != null ? b.label() : "barrier at plan step " + p;
        control.at(me, new RunControl.Position(p, Tool.BARRIER.wireName()));
        listener.waiting(me, Tool.BARRIER.wireName(), name);
        long arrived = System.nanoTime();
        long deadline = arrived + b.timeoutMs() * 1_000_000L;
        StepFailure f = locked(() -> {
            control.arrivals(p).add(me);
            control.signalAll();
            control.await(() -> control.arrivals(p).size() == devices.size(), deadline, me,
                    () -> rendezvousTimeout(name, "barrier", devices, p, b.timeoutMs()));
        });
        recordSync(p, Tool.BARRIER, name, devices, arrived, f == null ? System.nanoTime() : -1);
        return f == null || syncFailed(p, f, Tool.BARRIER);
    }

    /** This track's passage through a sync point, for the report; {@code entered} -1: it never got in. */
    private void recordSync(int planIndex, Tool kind, String name, List<String> devices, long arrived, long entered) {
        long left = System.nanoTime();
        syncs.accept(new SyncRecord(planIndex, kind.wireName(), name, devices, track.label(), ms(arrived),
                entered < 0 ? -1 : ms(entered), ms(left)));
    }

    private long ms(long nanos) {
        return (nanos - runStartNanos) / 1_000_000;
    }

    /** Work done while holding the run's lock. */
    @FunctionalInterface
    private interface Locked {
        void run() throws StepFailure, InterruptedException;
    }

    /** Runs {@code work} under the run's lock; returns its failure, or null. */
    private StepFailure locked(Locked work) throws InterruptedException {
        control.lock.lock();
        try {
            work.run();
            return null;
        } catch (StepFailure f) {
            return f;
        } finally {
            control.lock.unlock();
        }
    }

    /** A wait at a sync point ended without the peers: a consequence, or a real timeout (root-cause eligible). */
    private boolean syncFailed(int planIndex, StepFailure f, Tool tool) {
        ErrorInfo e = f.error();
        failure = new Failure(planIndex, -1, tool.wireName(), e.code(), e.message());
        boolean consequence = RunControl.consequence(e.code());
        status = consequence ? DeviceStatus.ABORTED : DeviceStatus.FAILED;
        if (!consequence) control.failed(track.label(), failure);
        return false;
    }

    private StepFailure rendezvousTimeout(String name, String kind, List<String> participants, int planIndex, long timeoutMs) {
        StringBuilder missing = new StringBuilder();
        for (String l : participants) {
            if (control.arrivals(planIndex).contains(l)) continue;
            RunControl.Position at = control.positionOf(l);
            if (!missing.isEmpty()) missing.append(", ");
            missing.append(l).append(at == null ? " (not started)" : " (at plan step " + at.planStep() + ", " + at.tool() + ")");
        }
        return new StepFailure(ErrorCode.RENDEZVOUS_TIMEOUT, "waited " + timeoutMs + " ms at " + kind + " '" + name
                + "' (plan step " + planIndex + ") for " + missing + "; raise its timeout or check that device's earlier steps");
    }

    private void stopBecausePeer(int planIndex, int trackIndex, String tool) {
        StepFailure f = control.peerFailure(track.label());
        if (failure == null) {
            failure = new Failure(planIndex, trackIndex, tool, f.error().code(), f.error().message());
            // this device's own loss is a real failure, not a consequence of a peer's
            status = RunControl.consequence(f.error().code()) ? DeviceStatus.ABORTED : DeviceStatus.FAILED;
            if (status == DeviceStatus.FAILED) control.failed(track.label(), failure);
        }
    }

    /** Fails the track here when its device was lost since its last step; true when it did. */
    private boolean lost(int planIndex, int trackIndex, String tool) {
        ErrorInfo gone = control.lostError(track.label());
        if (gone == null) return false;
        if (failure == null) {
            failure = new Failure(planIndex, trackIndex, tool, gone.code(), gone.message());
            status = DeviceStatus.FAILED;
            control.failed(track.label(), failure);
        }
        return true;
    }

    private static long sectionBound(CriticalSection cs) {
        long sum = 0;
        for (ToolStep s : cs.steps()) sum += s.effectiveTimeoutMs() + 5_000;
        return sum;
    }

    private static String toolOf(TrackItem item) {
        return switch (item) {
            case TrackItem.Own own -> own.step().tool().wireName();
            case TrackItem.Section s -> Tool.CRITICAL_SECTION.wireName();
            case TrackItem.InBlock b -> b.block().kind().wireName();
            case TrackItem.AtBarrier b -> Tool.BARRIER.wireName();
        };
    }
}
