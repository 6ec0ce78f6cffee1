package dev.tandem.engine;

import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.SyncRecord;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCategory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a plan once: one track per device label on its own virtual thread, synchronised by
 * critical sections and barriers, stopped by the first failure according to the abort strategy.
 */
public final class PlanExecutor {
    private final Plan plan;
    private final Map<String, Track> tracks;
    private final Map<String, DeviceChannel> channels;
    private final Map<String, String> deviceIds;
    private final RunOptions options;
    private final RunListener listener;
    private final RunControl control;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * @param channels one per label of {@link Plan#labels()}
     * @param deviceIds the device id each label runs on (for results)
     * @param options a null abort strategy means the plan's, or {@link RunOptions#DEFAULT_ABORT}
     * @throws IllegalArgumentException when a label has no channel or a step names an undeclared device
     */
    public PlanExecutor(Plan plan, Map<String, DeviceChannel> channels, Map<String, String> deviceIds,
            RunOptions options, RunListener listener) {
        for (String label : plan.labels()) {
            if (!channels.containsKey(label)) throw new IllegalArgumentException("no device channel for label " + label);
        }
        this.plan = plan;
        this.tracks = Track.split(plan, options.startStep());
        this.channels = Map.copyOf(channels);
        this.deviceIds = Map.copyOf(deviceIds);
        this.options = options;
        this.listener = listener == null ? RunListener.NONE : listener;
        AbortStrategy strategy = options.abortStrategy() != null ? options.abortStrategy()
                : plan.abortStrategy() != null ? plan.abortStrategy() : RunOptions.DEFAULT_ABORT;
        this.control = new RunControl(strategy);
    }

    /** Stops the run from outside: in-flight commands are cancelled, waiting devices released. Safe at any time. */
    public void abort(String reason) {
        control.abortRun(reason);
    }

    /**
     * The device of {@code label} was lost outside the engine's view (its runner died and took the
     * device's state with it): its track fails with {@code error} at once where it waits, or at its
     * next step, and its peers are released as for any device failure. A no-op once the track ended.
     */
    public void deviceLost(String label, dev.tandem.protocol.ErrorInfo error) {
        control.deviceLost(label, error);
    }

    /** The platform a label's device runs on: as the run says, else as the plan declares it; null when neither says. */
    private String platformOf(String label) {
        String p = options.platforms().get(label);
        if (p != null) return p;
        if (!plan.multiDevice()) return plan.platform();
        return plan.devices().stream().filter(d -> d.label().equals(label)).map(dev.tandem.plan.DeviceDecl::platform)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Runs the plan; an executor runs once. */
    public RunResult run() throws InterruptedException {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("a PlanExecutor runs once; create a new one");
        long start = System.nanoTime();
        long startedAtMs = System.currentTimeMillis();
        List<StepRecord> steps = Collections.synchronizedList(new ArrayList<>());
        List<SyncRecord> syncs = Collections.synchronizedList(new ArrayList<>());
        AtomicLong seq = new AtomicLong();
        Map<String, Thread> threads = new LinkedHashMap<>();
        Map<String, DeviceResult> results = new ConcurrentHashMap<>();
        for (Track track : tracks.values()) {
            TrackRunner runner = new TrackRunner(track, deviceIds.getOrDefault(track.label(), track.label()),
                    channels.get(track.label()), control, listener, steps::add, syncs::add, options.runId(), seq, start,
                    platformOf(track.label()));
            // a platform thread: each step blocks on its device's socket, and a platform thread is
            // woken by the kernel itself where a virtual one waits for the poller and then a carrier
            threads.put(track.label(), Thread.ofPlatform().daemon().name("track-" + track.label())
                    .start(() -> results.put(track.label(), runner.call())));
        }
        try {
            for (Thread t : threads.values()) t.join();
        } catch (InterruptedException e) {
            control.abortRun("the daemon is stopping");
            for (Thread t : threads.values()) t.join(10_000);
            throw e;
        }
        Map<String, DeviceResult> ordered = new LinkedHashMap<>();
        for (String label : tracks.keySet()) ordered.put(label, results.get(label));
        List<StepRecord> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparingLong(StepRecord::startMs));
        RunControl.Origin root = control.firstFailure();
        // an abort that came after every device had finished stopped nothing
        boolean aborted = control.externalAbort() != null
                && ordered.values().stream().anyMatch(d -> d.status() != DeviceStatus.PASSED);
        RunStatus status = root != null ? (root.failure().code().category() == ErrorCategory.INFRASTRUCTURE ? RunStatus.ERROR : RunStatus.FAILED)
                : aborted ? RunStatus.ABORTED
                : RunStatus.PASSED;
        return new RunResult(options.runId(), plan.name(), status, (System.nanoTime() - start) / 1_000_000,
                ordered, List.copyOf(sorted), root == null ? null : new RunResult.RootCause(root.label(), root.failure()),
                startedAtMs, null, syncs.isEmpty() ? null : syncs.stream().sorted(Comparator.comparingLong(SyncRecord::arrivedMs)).toList());
    }
}
