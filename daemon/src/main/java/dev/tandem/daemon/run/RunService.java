package dev.tandem.daemon.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.Requirement;
import dev.tandem.daemon.report.ResultsWriter;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.daemon.state.Log;
import dev.tandem.engine.DeviceChannel;
import dev.tandem.engine.PlanExecutor;
import dev.tandem.engine.RunOptions;
import dev.tandem.engine.result.RunResult;
import dev.tandem.plan.AbortStrategy;
import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.Plan;
import dev.tandem.plan.PlanLoader;
import dev.tandem.plan.SourcePos;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Executes one plan for a CLI: load and validate, allocate all devices at once, make sure their
 * runners are up, run the engine, write results.json and junit.xml, release the devices.
 */
public final class RunService {
    private final DevicePool pool;
    private final Allocator allocator;
    private final RunnerSupervisor supervisor;
    private final RunnerClient client;
    private final Map<String, String> services;
    private final ActiveRuns active;
    private final Log log;

    public RunService(DevicePool pool, Allocator allocator, RunnerSupervisor supervisor, RunnerClient client,
            Map<String, String> services, ActiveRuns active, Log log) {
        this.pool = pool;
        this.allocator = allocator;
        this.supervisor = supervisor;
        this.client = client;
        this.services = services;
        this.active = active;
        this.log = log;
    }

    /** Runs the request, streaming events; returns the exit code the CLI should use. */
    public int run(RunRequest req, RunEvents events) throws InterruptedException {
        LoadResult loaded = PlanLoader.load(Path.of(req.plan()));
        if (!loaded.ok()) return validation(events, loaded.errors());
        Plan plan = loaded.plan();
        int startStep = req.startStep() != null ? req.startStep() : plan.startStep() != null ? plan.startStep() : 0;
        if (req.startStep() != null) {
            List<Diagnostic> bad = PlanLoader.checkStartStep(plan, startStep, new SourcePos("--start-step", 1, 1));
            if (!bad.isEmpty()) return validation(events, bad);
        }
        AbortStrategy strategy;
        List<Requirement> reqs;
        try {
            strategy = req.abortStrategy() != null ? AbortStrategy.byName(req.abortStrategy()).orElseThrow(() ->
                    new TandemException(ErrorCode.USAGE, "--abort-strategy must be immediate or finish-current-step, not '"
                            + req.abortStrategy() + "'"))
                    : plan.abortStrategy() != null ? plan.abortStrategy() : RunOptions.DEFAULT_ABORT;
            reqs = requirements(plan, req);
        } catch (TandemException e) {
            events.emit("error", "error", e.info());
            return e.code().exitCode();
        }
        Path runDir;
        try {
            runDir = RunIds.createRunDir(Path.of(req.output()));
        } catch (IOException e) {
            events.emit("error", "error", new TandemException(ErrorCode.USAGE, "cannot create the output directory under "
                    + req.output() + ": " + e.getMessage()).info());
            return 2;
        }
        String runId = runDir.getFileName().toString();
        Allocation alloc;
        try {
            long waitMs = req.waitMs() != null ? req.waitMs() : RunRequest.DEFAULT_WAIT_MS;
            alloc = allocator.allocate(runId, req.clientPid(), reqs, waitMs, supervisor.warm());
        } catch (TandemException e) {
            events.emit("error", "error", e.info());
            return e.code().exitCode();
        }
        try {
            return execute(plan, strategy, startStep, runId, runDir, alloc, req, events);
        } finally {
            allocator.release(runId);
        }
    }

    private int execute(Plan plan, AbortStrategy strategy, int startStep, String runId, Path runDir, Allocation alloc,
            RunRequest req, RunEvents events) throws InterruptedException {
        ObjectNode allocated = Json.object();
        allocated.put("runId", runId).put("dir", runDir.toString()).put("plan", plan.name());
        ObjectNode devs = allocated.putObject("devices");
        alloc.byLabel().forEach((label, slot) -> devs.put(label, slot.id()));
        events.emit("allocated", allocated);
        Map<String, String> deviceIds = new LinkedHashMap<>();
        alloc.byLabel().forEach((label, slot) -> deviceIds.put(label, slot.id()));
        active.started(runId, runDir, plan.name(), deviceIds, req.clientPid());
        try {
            TandemException startFailure = startRunners(alloc, events);
            if (startFailure != null) {
                RunResult failed = InfraFailure.result(runId, plan, deviceIds, startFailure, startStep);
                return finish(runDir, failed, events);
            }
            Path screenshots = runDir.resolve("screenshots");
            Map<String, DeviceChannel> channels = new LinkedHashMap<>();
            alloc.byLabel().forEach((label, slot) -> channels.put(label, new RunnerChannel(client, slot.id(),
                    new LaunchContext(runId, label, services), screenshots)));
            PlanExecutor executor = new PlanExecutor(plan, channels, deviceIds,
                    new RunOptions(runId, strategy, startStep), events);
            active.attach(runId, executor);
            Heartbeat heartbeat = Heartbeat.start(events, req.clientPid(), () -> executor.abort("the CLI (pid "
                    + req.clientPid() + ") went away"));
            RunResult result;
            try {
                result = executor.run();
            } finally {
                heartbeat.stop();
            }
            return finish(runDir, result, events);
        } finally {
            active.finished(runId);
        }
    }

    private int finish(Path runDir, RunResult result, RunEvents events) {
        try {
            ResultsWriter.write(runDir, result);
        } catch (IOException e) {
            log.warn("cannot write results into " + runDir + ": " + e.getMessage());
        }
        int exit = switch (result.status()) {
            case PASSED -> 0;
            case FAILED, ABORTED -> 1;
            case ERROR -> 3;
        };
        ObjectNode o = Json.object();
        o.set("result", Json.toTree(result));
        o.put("dir", runDir.toString());
        o.put("exitCode", exit);
        events.emit("result", o);
        log.info("run " + result.runId() + " " + result.status().wire() + " in " + result.durationMs() + " ms");
        return exit;
    }

    /** Starts the allocated devices' runners in parallel; returns the first failure, or null. */
    private TandemException startRunners(Allocation alloc, RunEvents events) throws InterruptedException {
        Map<String, TandemException> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<String, DeviceSlot> e : alloc.byLabel().entrySet()) {
            String profile = alloc.profiles().get(e.getKey());
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    boolean warm = supervisor.warm().contains(e.getValue().id());
                    if (!warm) events.emit("runner", Json.object().put("device", e.getValue().id()).put("state", "starting"));
                    supervisor.ensure(e.getValue().id(), profile);
                } catch (TandemException ex) {
                    failures.put(e.getKey(), ex);
                } catch (RuntimeException ex) {
                    failures.put(e.getKey(), new TandemException(ErrorCode.RUNNER_FAILED, ex.toString()));
                }
            }));
        }
        for (Thread t : threads) t.join();
        return failures.values().stream().findFirst().orElse(null);
    }

    private List<Requirement> requirements(Plan plan, RunRequest req) {
        Map<String, String> specs = new LinkedHashMap<>(req.devices());
        List<String> labels = plan.labels();
        if (!plan.multiDevice() && specs.size() == 1 && !specs.containsKey(Plan.SINGLE_DEVICE_LABEL)) {
            // a single-device plan: --device SPEC or --device ANY=SPEC both name its one device
            String only = specs.values().iterator().next();
            specs.clear();
            specs.put(Plan.SINGLE_DEVICE_LABEL, only);
        }
        for (String label : specs.keySet()) {
            if (!labels.contains(label)) {
                throw new TandemException(ErrorCode.USAGE, "--device " + label + "=…: the plan has no label '" + label
                        + "'; its labels are " + labels);
            }
        }
        String platform = req.platform() != null ? req.platform() : "sim";
        List<Requirement> reqs = new ArrayList<>();
        for (String label : labels) {
            String spec = specs.get(label);
            if (spec == null) {
                var decl = plan.devices().stream().filter(d -> d.label().equals(label)).findFirst();
                String p = decl.map(d -> d.platform()).filter(x -> x != null).orElse(platform);
                String profile = decl.map(d -> d.profile()).orElse(null);
                spec = profile != null ? p + ":" + profile : p;
            }
            reqs.add(Requirement.parse(label, spec, pool));
        }
        return reqs;
    }

    private static int validation(RunEvents events, List<Diagnostic> errors) {
        ObjectNode o = Json.object();
        ArrayNode arr = o.putArray("errors");
        for (Diagnostic d : errors) arr.add(Json.toTree(d));
        events.emit("validation", o);
        return 2;
    }
}
