package dev.tandem.daemon.suite;

import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.Requirement;
import dev.tandem.daemon.devices.Requirements;
import dev.tandem.daemon.run.History;
import dev.tandem.daemon.run.PlanRuns;
import dev.tandem.daemon.run.RunEvents;
import dev.tandem.daemon.run.RunApps;
import dev.tandem.daemon.run.RunIds;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.LoadOptions;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.TagFilter;
import dev.tandem.plan.Plan;
import dev.tandem.plan.PlanLoader;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.ShardMode;
import dev.tandem.protocol.api.SuiteRequest;
import dev.tandem.protocol.api.ValidationError;
import dev.tandem.daemon.run.RunService;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tandem test}: many plans, {@code --shards N} at a time. A shard is a plan slot, not a
 * device: each shard runs its plans one after another, and each plan allocates exactly the devices
 * it needs when it starts (one for a single-device plan, one per label for a multi-device plan) and
 * releases them when it ends. So N shards use at most N plans' worth of devices at once, and a
 * shard keeps its last devices when they are free. Results merge into one results.json and one
 * junit.xml.
 */
public final class SuiteService {
    private final DevicePool pool;
    private final Allocator allocator;
    private final RunnerSupervisor supervisor;
    private final PlanRuns runs;
    private final History history;

    public SuiteService(DevicePool pool, Allocator allocator, RunnerSupervisor supervisor, PlanRuns runs, History history) {
        this.pool = pool;
        this.allocator = allocator;
        this.supervisor = supervisor;
        this.runs = runs;
        this.history = history;
    }

    public int run(SuiteRequest req, RunEvents events) throws InterruptedException {
        Map<String, Plan> plans;
        Map<String, String> planPaths = new LinkedHashMap<>();
        Map<String, List<Requirement>> needs = new LinkedHashMap<>();
        List<String> apps;
        int shards = req.shards() == null ? 1 : req.shards();
        ShardMode mode = req.mode() == null ? ShardMode.SPLIT : req.mode();
        Requirement shardReq;
        try {
            validateShape(req, shards);
            Map<String, Path> files = PlanFiles.expand(req.paths(), Path.of(req.cwd()));
            List<String> names = new ArrayList<>(files.keySet());
            if (req.shardIndex() != null) names = Sharding.ciPartition(names, req.shardIndex(), req.shardTotal());
            TagFilter tags = TagFilter.parse(req.tags());
            plans = load(names, files, new LoadOptions(req.params(), req.environment()), events);
            if (plans == null) return ErrorCode.VALIDATION.exitCode();
            plans = SuitePlans.chosen(plans, tags);
            for (String name : plans.keySet()) planPaths.put(name, files.get(name).toAbsolutePath().toString());
            // no flag: sim, or the only platform offered (a daemon whose devices are all a Grid's web slots)
            String spec = req.device() != null ? req.device() : req.platform() != null ? req.platform() : Requirements.defaultPlatform(pool);
            shardReq = Requirement.parse("shard", spec, pool);
            apps = RunApps.load(req.apps());
            // every plan's devices are checked now: one that can never be served fails the suite before it starts
            for (Map.Entry<String, Plan> e : plans.entrySet()) needs.put(e.getKey(), needs(e.getValue(), req, shardReq));
            long capacity = pool.slots().stream().filter(shardReq::accepts).count();
            if (capacity < shards && pool.refresh()) capacity = pool.slots().stream().filter(shardReq::accepts).count();
            if (capacity < shards) {
                boolean grid = pool.slots().stream().anyMatch(d -> shardReq.accepts(d) && pool.grids().containsKey(d.source()));
                String more = grid ? "add nodes or slots to the Grid (it is asked again at the next suite),"
                        : "raise TANDEM_" + shardReq.platform().name().toUpperCase(java.util.Locale.ROOT) + "_DEVICES";
                throw new TandemException(ErrorCode.USAGE, shards + " shards need " + shards + " " + spec + " devices; this daemon has "
                        + capacity + " (" + more + " or use fewer shards)");
            }
        } catch (TandemException e) {
            events.emit(new RunEvent.Error(e.info()));
            return e.code().exitCode();
        }
        Path suiteDir;
        try {
            suiteDir = RunIds.createRunDir(Path.of(req.output()));
        } catch (IOException e) {
            events.emit(new RunEvent.Error(new TandemException(ErrorCode.USAGE, "cannot create " + req.output() + ": " + e.getMessage()).info()));
            return ErrorCode.USAGE.exitCode();
        }
        String suiteId = suiteDir.getFileName().toString();
        List<List<String>> assignment = mode == ShardMode.ALL ? Sharding.all(List.copyOf(plans.keySet()), shards)
                : Sharding.split(plans.entrySet().stream().map(e -> new Sharding.Estimate(e.getKey(),
                        history.duration(planPaths.get(e.getKey())).orElse(-1L))).toList(), shards);
        return new SuiteRun(suiteId, suiteDir, plans, planPaths, needs, apps, assignment, req, runs, allocator, supervisor::warm, events)
                .execute();
    }

    /**
     * What one plan asks for in this suite: a single-device plan the suite's {@code --device} spec
     * (else a device of its platform); a multi-device plan its labels, on the suite's platform
     * unless the plan or its declarations say otherwise.
     */
    private List<Requirement> needs(Plan plan, SuiteRequest req, Requirement shardReq) {
        Map<String, String> given = !plan.multiDevice() && req.device() != null ? Map.of(Plan.SINGLE_DEVICE_LABEL, req.device()) : Map.of();
        return Requirements.forPlan(plan, given, shardReq.platform().name(), pool);
    }

    /** Messages name the request's fields in backticks; the CLI shows them as its flags. */
    private static void validateShape(SuiteRequest req, int shards) {
        if (shards < 1) throw new TandemException(ErrorCode.USAGE, "`shards` must be at least 1, not " + shards);
        if (req.retries() != null && (req.retries() < 0 || req.retries() > Plan.MAX_RETRIES)) {
            throw new TandemException(ErrorCode.USAGE, "`retries` must be in 0.." + Plan.MAX_RETRIES + ", not " + req.retries()
                    + "; a plan that needs more is broken rather than flaky");
        }
        if ((req.shardIndex() == null) != (req.shardTotal() == null)) {
            throw new TandemException(ErrorCode.USAGE, "`shardIndex` and `shardTotal` go together");
        }
        if (req.shardIndex() != null && (req.shardTotal() < 1 || req.shardIndex() < 0 || req.shardIndex() >= req.shardTotal())) {
            throw new TandemException(ErrorCode.USAGE, "`shardIndex` must be in 0.." + (req.shardTotal() - 1)
                    + " for `shardTotal` " + req.shardTotal() + ", not " + req.shardIndex());
        }
    }

    /**
     * Loads every plan; reports all validation errors of all files at once (null then). A file
     * another plan includes with runFlow is that plan's sub-flow, not a plan of its own.
     */
    private static Map<String, Plan> load(List<String> names, Map<String, Path> files, LoadOptions options, RunEvents events) {
        Map<String, Plan> plans = new LinkedHashMap<>();
        Map<String, LoadResult> failed = new LinkedHashMap<>();
        for (String name : names) {
            LoadResult r = PlanLoader.load(files.get(name), options);
            if (r.ok()) plans.put(name, r.plan());
            else failed.put(name, r);
        }
        java.util.Set<String> flows = SuitePlans.flows(plans.values());
        plans.keySet().removeIf(name -> flows.contains(files.get(name).toAbsolutePath().normalize().toString()));
        List<ValidationError> errors = new ArrayList<>();
        int more = 0;
        for (Map.Entry<String, LoadResult> e : failed.entrySet()) {
            if (flows.contains(files.get(e.getKey()).toAbsolutePath().normalize().toString())) continue;
            for (Diagnostic d : e.getValue().errors()) errors.add(RunService.wire(d));
            more += e.getValue().moreErrors();
        }
        if (!errors.isEmpty()) {
            events.emit(new RunEvent.Validation(errors, more > 0 ? more : null));
            return null;
        }
        return plans;
    }
}
