package dev.tandem.daemon.suite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.Requirement;
import dev.tandem.daemon.devices.Requirements;
import dev.tandem.daemon.run.History;
import dev.tandem.daemon.run.PlanRuns;
import dev.tandem.daemon.run.RunEvents;
import dev.tandem.daemon.run.RunIds;
import dev.tandem.daemon.run.RunRequest;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.Plan;
import dev.tandem.plan.PlanLoader;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code tandem test}: many plans over N devices. Shards are devices held for the whole suite
 * (allocated together, up front); each shard runs its plans one after another. Single-device plans
 * run on their shard's device; a multi-device plan, and a single-device plan whose {@code platform}
 * or {@code profile} the shard's device does not have, allocates its own devices beside the shards.
 * Results merge into one results.json and one junit.xml.
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
        int shards = req.shards() == null ? 1 : req.shards();
        String mode = req.mode() == null ? "split" : req.mode();
        Requirement shardReq;
        try {
            validateShape(req, shards, mode);
            Map<String, Path> files = PlanFiles.expand(req.paths(), Path.of(req.cwd()));
            List<String> names = new ArrayList<>(files.keySet());
            if (req.shardIndex() != null) names = Sharding.ciPartition(names, req.shardIndex(), req.shardTotal());
            plans = load(names, files, events);
            if (plans == null) return 2;
            for (String name : plans.keySet()) planPaths.put(name, files.get(name).toAbsolutePath().toString());
            String spec = req.device() != null ? req.device() : req.platform() != null ? req.platform() : "sim";
            shardReq = Requirement.parse("shard", spec, pool);
            for (Plan plan : plans.values()) {
                if (!plan.multiDevice()) {
                    Requirements.checkWebOnly(plan, Plan.SINGLE_DEVICE_LABEL,
                            plan.platform() != null ? plan.platform() : shardReq.platform(), false);
                }
            }
            long capacity = pool.slots().stream().filter(shardReq::accepts).count();
            if (capacity < shards) {
                throw new TandemException(ErrorCode.USAGE, shards + " shards need " + shards + " " + spec + " devices; this daemon has "
                        + capacity + " (raise TANDEM_" + shardReq.platform().toUpperCase() + "_DEVICES or use fewer shards)");
            }
        } catch (TandemException e) {
            events.emit("error", "error", e.info());
            return e.code().exitCode();
        }
        Path suiteDir;
        try {
            suiteDir = RunIds.createRunDir(Path.of(req.output()));
        } catch (IOException e) {
            events.emit("error", "error", new TandemException(ErrorCode.USAGE, "cannot create " + req.output() + ": " + e.getMessage()).info());
            return 2;
        }
        String suiteId = suiteDir.getFileName().toString();
        List<Requirement> reqs = new ArrayList<>();
        for (int i = 1; i <= shards; i++) {
            reqs.add(new Requirement("shard-" + i, shardReq.platform(), shardReq.deviceId(), shardReq.profile()));
        }
        Allocation alloc;
        try {
            alloc = allocator.allocate(suiteId, req.clientPid(), reqs, req.waitMs() != null ? req.waitMs() : RunRequest.DEFAULT_WAIT_MS,
                    supervisor.warm(), why -> events.emit("queued", Json.object().put("message", why)));
        } catch (TandemException e) {
            events.emit("error", "error", e.info());
            return e.code().exitCode();
        }
        try {
            List<List<String>> assignment = mode.equals("all") ? Sharding.all(List.copyOf(plans.keySet()), shards)
                    : Sharding.split(plans.entrySet().stream().map(e -> new Sharding.Estimate(e.getKey(),
                            history.duration(planPaths.get(e.getKey())).orElse(-1L))).toList(), shards);
            return new SuiteRun(suiteId, suiteDir, plans, planPaths, assignment, alloc, req, runs, allocator, pool, events)
                    .execute();
        } finally {
            allocator.release(suiteId);
        }
    }

    private static void validateShape(SuiteRequest req, int shards, String mode) {
        if (shards < 1) throw new TandemException(ErrorCode.USAGE, "--shards must be at least 1, not " + shards);
        if (!Set.of("split", "all").contains(mode)) {
            throw new TandemException(ErrorCode.USAGE, "--shard-mode must be split or all, not '" + mode + "'");
        }
        if ((req.shardIndex() == null) != (req.shardTotal() == null)) {
            throw new TandemException(ErrorCode.USAGE, "--shard-index and --shard-total go together");
        }
        if (req.shardIndex() != null && (req.shardTotal() < 1 || req.shardIndex() < 0 || req.shardIndex() >= req.shardTotal())) {
            throw new TandemException(ErrorCode.USAGE, "--shard-index must be in 0.." + (req.shardTotal() - 1)
                    + " for --shard-total " + req.shardTotal() + ", not " + req.shardIndex());
        }
    }

    /** Loads every plan; reports all validation errors of all files at once (null then). */
    private static Map<String, Plan> load(List<String> names, Map<String, Path> files, RunEvents events) {
        Map<String, Plan> plans = new LinkedHashMap<>();
        ObjectNode o = Json.object();
        ArrayNode errors = o.putArray("errors");
        for (String name : names) {
            LoadResult r = PlanLoader.load(files.get(name));
            if (r.ok()) plans.put(name, r.plan());
            for (Diagnostic d : r.errors()) errors.add(Json.toTree(d));
            if (r.moreErrors() > 0) o.put("moreErrors", o.path("moreErrors").asInt() + r.moreErrors());
        }
        if (!errors.isEmpty()) {
            events.emit("validation", o);
            return null;
        }
        return plans;
    }
}
