package dev.tandem.daemon.run;

import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.report.ResultsWriter;
import dev.tandem.daemon.runner.BootPin;
import dev.tandem.daemon.runner.DeviceResets;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.protocol.state.Log;
import dev.tandem.engine.DeviceChannel;
import dev.tandem.engine.PlanExecutor;
import dev.tandem.engine.RunOptions;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.protocol.api.ScreenshotMode;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.Secrets;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Executes one loaded plan on devices already allocated to it: makes sure their runners are up,
 * runs the engine, writes results.json and junit.xml into the run's directory, records the
 * plan's duration for sharding. Used by single runs and by suites.
 */
public final class PlanRuns {
    /**
     * One plan execution.
     *
     * @param apps app definitions (JSON text) the run installs on its devices ({@code --app FILE})
     * @param screenshots null: {@link ScreenshotMode#DEFAULT}
     */
    public record Job(Plan plan, String planPath, AbortStrategy strategy, int startStep, Path runDir, Allocation alloc,
            long clientPid, Integer runnerPort, List<String> apps, ScreenshotMode screenshots) {
        public Job {
            apps = apps == null ? List.of() : List.copyOf(apps);
            screenshots = screenshots == null ? ScreenshotMode.DEFAULT : screenshots;
        }

        String runId() {
            return runDir.getFileName().toString();
        }
    }

    private final Allocator allocator;
    private final RunnerSupervisor supervisor;
    private final RunnerClient client;
    private final Map<String, String> services;
    private final ActiveRuns active;
    private final History history;
    private final Predicate<String> artifactReady;
    private final Log log;
    private final Supplier<Secrets> secrets;
    private final List<String> fileRoots;
    private final List<String> fileDenied;

    /**
     * @param artifactReady whether a platform's runner artifact is prepared (else the first start prepares it)
     * @param secrets the tokens no output may carry (read after the runners started, so theirs are in)
     * @param fileRoots where web devices may open local files besides the plan's directory; {@code fileDenied} wins
     */
    public PlanRuns(Allocator allocator, RunnerSupervisor supervisor, RunnerClient client, Map<String, String> services,
            ActiveRuns active, History history, Predicate<String> artifactReady, Log log, Supplier<Secrets> secrets,
            List<String> fileRoots, List<String> fileDenied) {
        this.secrets = secrets;
        this.fileRoots = List.copyOf(fileRoots);
        this.fileDenied = List.copyOf(fileDenied);
        this.artifactReady = artifactReady;
        this.allocator = allocator;
        this.supervisor = supervisor;
        this.client = client;
        this.services = services;
        this.active = active;
        this.history = history;
        this.log = log;
    }

    public RunResult execute(Job job, RunEvents events) throws InterruptedException {
        String runId = job.runId();
        Map<String, String> deviceIds = new LinkedHashMap<>();
        job.alloc().byLabel().forEach((label, slot) -> deviceIds.put(label, slot.id()));
        String name = job.plan().secrets().mask(job.plan().name()); // a name may hold a -e value
        events.emit(new RunEvent.Allocated(runId, job.runDir().toString(), name, deviceIds));
        active.started(runId, job.runDir(), name, deviceIds, job.clientPid());
        try {
            if (job.runnerPort() != null) {
                job.alloc().byLabel().values().forEach(slot -> supervisor.setPort(slot.id(), job.runnerPort()));
            }
            Map<String, RunnerHandle> handles = new ConcurrentHashMap<>();
            TandemException startFailure = startRunners(job.alloc(), events, handles);
            Secrets mask = secrets.get().and(job.plan().secrets()); // the tokens, and the plan's -e and environment values
            RunResult result = mask.mask(withDevices(startFailure != null
                    ? InfraFailure.result(runId, job.plan(), deviceIds, startFailure, job.startStep())
                    : run(job, deviceIds, events.masking(mask), handles), job.alloc()).withTags(job.plan().tags()), RunResult.class);
            write(job.runDir(), result, mask);
            if (result.status() != dev.tandem.protocol.result.RunStatus.ERROR) history.record(job.planPath(), result.durationMs());
            log.info("run " + runId + " " + result.status().wire() + " in " + result.durationMs() + " ms");
            return result;
        } finally {
            active.finished(runId);
        }
    }

    /**
     * Runs the engine with each label pinned to the runner boot it starts with: a command never
     * reaches a fresh boot of a device whose state does not survive a restart, and such a runner's
     * death fails its device at once ({@code DEVICE_RESET}), even while the device waits.
     */
    private RunResult run(Job job, Map<String, String> deviceIds, RunEvents events, Map<String, RunnerHandle> handles)
            throws InterruptedException {
        String runId = job.runId();
        Path screenshots = job.runDir().resolve("screenshots");
        Map<String, DeviceChannel> channels = new LinkedHashMap<>();
        handles.forEach((label, h) -> channels.put(label, new RunnerChannel(client, new BootPin(h),
                new LaunchContext(runId, label, services, job.apps(), files(job)), job.runDir(), job.screenshots())));
        PlanExecutor executor = new PlanExecutor(job.plan(), channels, deviceIds,
                new RunOptions(runId, job.strategy(), job.startStep(), platforms(job.alloc())), events);
        active.attach(runId, executor);
        List<AutoCloseable> watches = new ArrayList<>();
        handles.forEach((label, h) -> {
            if (h.deviceStateSurvivesRestart()) return;
            watches.add(h.onExit(() -> {
                if (h.stoppedByDaemon()) return;
                log.warn("run " + runId + ": runner " + h.deviceId() + " (pid " + h.pid() + ", boot " + h.bootId() + ") "
                        + h.exitDescription() + "; device " + label + " fails with DEVICE_RESET");
                executor.deviceLost(label, DeviceResets.error(h, "during the run"));
            }));
        });
        Heartbeat heartbeat = Heartbeat.start(events, job.clientPid(), () -> allocator.heartbeat(job.alloc().owner()),
                () -> executor.abort("the CLI (pid " + job.clientPid() + ") went away"));
        try {
            return executor.run();
        } finally {
            events.drain();
            heartbeat.stop();
            for (AutoCloseable w : watches) {
                try {
                    w.close();
                } catch (Exception ignored) {
                    // removing a listener cannot fail
                }
            }
        }
    }

    /** Each label's platform, for the plan's {@code when: platform} blocks. */
    private static Map<String, String> platforms(Allocation alloc) {
        Map<String, String> out = new LinkedHashMap<>();
        alloc.byLabel().forEach((label, slot) -> out.put(label, slot.platform().name()));
        return out;
    }

    /** Each label's platform and the profile its runner ran with, as results.json records them. */
    static RunResult withDevices(RunResult r, Allocation alloc) {
        Map<String, dev.tandem.protocol.result.DeviceResult> devices = new LinkedHashMap<>();
        r.devices().forEach((label, d) -> {
            DeviceSlot slot = alloc.byLabel().get(label);
            devices.put(label, slot == null ? d : d.withDevice(slot.platform().name(), alloc.profiles().getOrDefault(label, slot.profile())));
        });
        return new RunResult(r.runId(), r.plan(), r.status(), r.durationMs(), devices, r.steps(), r.rootCause(), r.startedAtMs(),
                r.tags(), r.syncs());
    }

    /** The plan's directory and the configured roots allowed, Tandem's own dirs denied (FileAccess). */
    private LaunchContext.Files files(Job job) {
        List<String> allow = new ArrayList<>(fileRoots);
        if (job.planPath() != null) {
            Path dir = Path.of(job.planPath()).toAbsolutePath().getParent();
            if (dir != null) allow.add(dir.toString());
        }
        return new LaunchContext.Files(allow, fileDenied);
    }

    private void write(Path runDir, RunResult result, Secrets mask) {
        try {
            ResultsWriter.write(runDir, result, mask);
        } catch (IOException e) {
            log.warn("cannot write results into " + runDir + ": " + e.getMessage());
        }
    }

    /** The CLI's exit code for a result. */
    public static int exitCode(RunResult result) {
        return switch (result.status()) {
            case PASSED -> ErrorCategory.PASSED_EXIT_CODE;
            case FAILED, ABORTED -> ErrorCategory.PLAN_FAILED.exitCode();
            case ERROR -> ErrorCategory.INFRASTRUCTURE.exitCode();
        };
    }

    /** Starts the allocated devices' runners in parallel; returns the first failure, or null. */
    private TandemException startRunners(Allocation alloc, RunEvents events, Map<String, RunnerHandle> handles)
            throws InterruptedException {
        Map<String, TandemException> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<String, DeviceSlot> e : alloc.byLabel().entrySet()) {
            String profile = alloc.profiles().get(e.getKey());
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    DeviceSlot slot = e.getValue();
                    if (!supervisor.warm().contains(slot.id())) {
                        boolean preparing = !artifactReady.test(slot.platform().name());
                        events.emit(new RunEvent.Runner(slot.id(), slot.platform().name(),
                                preparing ? RunEvent.RunnerStart.PREPARING : RunEvent.RunnerStart.STARTING, null));
                    }
                    handles.put(e.getKey(), supervisor.ensure(e.getValue().id(), profile));
                } catch (TandemException ex) {
                    failures.put(e.getKey(), ex);
                } catch (RuntimeException ex) {
                    // a bug, not a device problem: the trace goes to the daemon's log for the report
                    java.io.StringWriter trace = new java.io.StringWriter();
                    ex.printStackTrace(new java.io.PrintWriter(trace));
                    log.warn("starting the runner of " + e.getValue().id() + " failed: " + trace);
                    failures.put(e.getKey(), new TandemException(ErrorCode.RUNNER_FAILED, ex.toString()));
                }
            }));
        }
        for (Thread t : threads) t.join();
        return failures.values().stream().findFirst().orElse(null);
    }
}
