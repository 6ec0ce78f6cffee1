package dev.tandem.daemon.run;

import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.Requirement;
import dev.tandem.daemon.devices.Requirements;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.engine.RunOptions;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.LoadOptions;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.Plan;
import dev.tandem.plan.PlanLoader;
import dev.tandem.plan.SourcePos;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.api.ValidationError;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes one plan for a CLI: load and validate, allocate all its devices at once (bounded FIFO
 * wait), run it ({@link PlanRuns}), release the devices.
 */
public final class RunService {
    private final DevicePool pool;
    private final Allocator allocator;
    private final RunnerSupervisor supervisor;
    private final PlanRuns runs;
    private final java.util.function.UnaryOperator<String> leaseHolder;

    public RunService(DevicePool pool, Allocator allocator, RunnerSupervisor supervisor, PlanRuns runs) {
        this(pool, allocator, supervisor, runs, lease -> {
            throw new TandemException(ErrorCode.DEVICE_NOT_LEASED, "this daemon keeps no leases; run without `lease`");
        });
    }

    /** @param leaseHolder a client lease's id to the name the allocator knows it by (DEVICE_NOT_LEASED when it is gone) */
    public RunService(DevicePool pool, Allocator allocator, RunnerSupervisor supervisor, PlanRuns runs,
            java.util.function.UnaryOperator<String> leaseHolder) {
        this.leaseHolder = leaseHolder;
        this.pool = pool;
        this.allocator = allocator;
        this.supervisor = supervisor;
        this.runs = runs;
    }

    /** Runs the request, streaming events; returns the exit code the CLI should use. */
    public int run(RunRequest req, RunEvents events) throws InterruptedException {
        LoadResult loaded = PlanLoader.load(Path.of(req.plan()), new LoadOptions(req.params(), req.environment()));
        if (!loaded.ok()) return validation(events, loaded.errors(), loaded.moreErrors());
        Plan plan = loaded.plan();
        int startStep = req.startStep() != null ? req.startStep() : plan.startStep() != null ? plan.startStep() : 0;
        if (req.startStep() != null) {
            // positioned at the request field; the CLI shows it as its flag
            List<Diagnostic> bad = PlanLoader.checkStartStep(plan, startStep, new SourcePos("startStep", 1, 1));
            if (!bad.isEmpty()) return validation(events, bad, 0);
        }
        AbortStrategy strategy;
        List<Requirement> reqs;
        List<String> apps;
        try {
            strategy = req.abortStrategy() != null ? req.abortStrategy()
                    : plan.abortStrategy() != null ? plan.abortStrategy() : RunOptions.DEFAULT_ABORT;
            reqs = Requirements.forPlan(plan, req.lease() == null ? req.devices() : LeasedRun.specs(plan, req.devices(), pool),
                    req.platform(), pool);
            apps = RunApps.load(req.apps());
            if (req.runnerPort() != null && (reqs.size() != 1 || req.runnerPort() < 1 || req.runnerPort() > 65535)) {
                throw new TandemException(ErrorCode.USAGE, reqs.size() != 1
                        ? "`runnerPort` applies to a run on one device; this plan has " + reqs.size() + " labels"
                        : "`runnerPort` must be between 1 and 65535, not " + req.runnerPort());
            }
        } catch (TandemException e) {
            events.emit(new RunEvent.Error(e.info()));
            return e.code().exitCode();
        }
        Path runDir;
        try {
            runDir = RunIds.createRunDir(Path.of(req.output()));
        } catch (IOException e) {
            events.emit(new RunEvent.Error(new TandemException(ErrorCode.USAGE, "cannot create the output directory under "
                    + req.output() + ": " + e.getMessage()).info()));
            return ErrorCode.USAGE.exitCode();
        }
        String runId = runDir.getFileName().toString();
        Allocation alloc;
        try {
            long waitMs = req.waitMs() != null ? req.waitMs() : RunRequest.DEFAULT_WAIT_MS;
            // on a lease: its devices, lent to the run and still the lease's after it (never free in between)
            alloc = req.lease() != null ? allocator.lend(leaseHolder.apply(req.lease()), runId, req.clientPid(), LeasedRun.devices(reqs))
                    : allocator.allocate(runId, req.clientPid(), reqs, waitMs, supervisor.warm(),
                            why -> events.emit(new RunEvent.Queued(why, null)));
        } catch (TandemException e) {
            events.emit(new RunEvent.Error(e.info()));
            return e.code().exitCode();
        }
        try {
            RunResult result = runs.execute(new PlanRuns.Job(plan, req.plan(), strategy, startStep, runDir, alloc,
                    req.clientPid(), req.runnerPort(), apps, req.screenshots()), events);
            int exit = PlanRuns.exitCode(result);
            events.emit(new RunEvent.Result(result, runDir.toString(), exit));
            return exit;
        } finally {
            if (req.lease() != null) {
                allocator.giveBack(runId);
            } else {
                allocator.release(runId);
                // the CLI hears the run ended (its exit event) once its Grid sessions are closed
                allocator.awaitGivenBack(alloc.byLabel().values().stream().map(s -> s.id()).toList());
            }
        }
    }

    private static int validation(RunEvents events, List<Diagnostic> errors, int more) {
        events.emit(new RunEvent.Validation(errors.stream().map(RunService::wire).toList(), more > 0 ? more : null));
        return ErrorCode.VALIDATION.exitCode();
    }

    /** A plan diagnostic as the API sends it. */
    public static ValidationError wire(Diagnostic d) {
        return new ValidationError(new ValidationError.Pos(d.pos().file(), d.pos().line(), d.pos().column(), d.pos().viaText()), d.message(),
                d.hint());
    }
}
