package dev.tandem.daemon.suite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.Requirements;
import dev.tandem.daemon.report.JunitXml;
import dev.tandem.daemon.run.PlanRuns;
import dev.tandem.daemon.run.RunEvents;
import dev.tandem.daemon.run.RunIds;
import dev.tandem.daemon.run.RunRequest;
import dev.tandem.daemon.state.AtomicFiles;
import dev.tandem.engine.RunOptions;
import dev.tandem.engine.result.RunResult;
import dev.tandem.engine.result.RunStatus;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One suite in progress: a worker per shard, each running its plans in turn; then the merged results. */
final class SuiteRun {
    /** One plan's run within the suite. */
    record Entry(String name, int shard, String device, Path dir, RunResult result) {}

    private final String suiteId;
    private final Path suiteDir;
    private final Map<String, Plan> plans;
    private final Map<String, String> planPaths;
    private final List<List<String>> assignment;
    private final Allocation shards;
    private final SuiteRequest req;
    private final PlanRuns runs;
    private final Allocator allocator;
    private final dev.tandem.daemon.devices.DevicePool pool;
    private final RunEvents events;
    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

    SuiteRun(String suiteId, Path suiteDir, Map<String, Plan> plans, Map<String, String> planPaths,
            List<List<String>> assignment, Allocation shards, SuiteRequest req, PlanRuns runs, Allocator allocator,
            dev.tandem.daemon.devices.DevicePool pool, RunEvents events) {
        this.suiteId = suiteId;
        this.suiteDir = suiteDir;
        this.plans = plans;
        this.planPaths = planPaths;
        this.assignment = assignment;
        this.shards = shards;
        this.req = req;
        this.runs = runs;
        this.allocator = allocator;
        this.pool = pool;
        this.events = events;
    }

    int execute() throws InterruptedException {
        long t0 = System.nanoTime();
        List<DeviceSlot> devices = List.copyOf(shards.byLabel().values());
        ObjectNode start = Json.object().put("suiteId", suiteId).put("dir", suiteDir.toString()).put("plans", plans.size());
        ArrayNode shardList = start.putArray("shards");
        for (int i = 0; i < devices.size(); i++) {
            ObjectNode s = shardList.addObject().put("shard", i + 1).put("device", devices.get(i).id());
            assignment.get(i).forEach(s.putArray("plans")::add);
        }
        events.emit("suite", start);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            int shard = i + 1;
            DeviceSlot slot = devices.get(i);
            List<String> mine = assignment.get(i);
            workers.add(Thread.ofVirtual().name("shard-" + shard).start(() -> {
                for (String name : mine) {
                    if (events.gone()) return;
                    try {
                        runOne(shard, slot, name);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread w : workers) w.join();
        return finish((System.nanoTime() - t0) / 1_000_000, devices);
    }

    private void runOne(int shard, DeviceSlot slot, String name) throws InterruptedException {
        Plan plan = plans.get(name);
        Path runDir;
        try {
            runDir = RunIds.createRunDir(suiteDir);
        } catch (IOException e) {
            throw new TandemException(ErrorCode.USAGE, "cannot create a run directory in " + suiteDir + ": " + e.getMessage());
        }
        String runId = runDir.getFileName().toString();
        events.emit("plan", Json.object().put("phase", "start").put("plan", name).put("shard", shard).put("device", slot.id()));
        Allocation alloc;
        boolean own = plan.multiDevice() || !fits(plan, slot);
        if (own) {
            alloc = allocator.allocate(runId, req.clientPid(), Requirements.forPlan(plan, Map.of(), slot.platform(), pool),
                    req.waitMs() != null ? req.waitMs() : RunRequest.DEFAULT_WAIT_MS, Set.of());
        } else {
            alloc = new Allocation(suiteId, req.clientPid(), Map.of(Plan.SINGLE_DEVICE_LABEL, slot), Map.of());
        }
        RunResult result;
        try {
            RunEvents quiet = events.view(type -> type.equals("runner"), o -> o.put("plan", name));
            result = runs.execute(new PlanRuns.Job(plan, planPaths.get(name),
                    plan.abortStrategy() != null ? plan.abortStrategy() : RunOptions.DEFAULT_ABORT,
                    plan.startStep() != null ? plan.startStep() : 0, runDir, alloc, req.clientPid(), null), quiet);
        } finally {
            if (own) allocator.release(runId);
        }
        entries.add(new Entry(name, shard, slot.id(), runDir, result));
        ObjectNode end = Json.object().put("phase", "end").put("plan", name).put("shard", shard).put("device", slot.id())
                .put("status", result.status().wire()).put("durationMs", result.durationMs()).put("dir", runDir.toString());
        if (result.rootCause() != null) end.set("rootCause", Json.toTree(result.rootCause()));
        events.emit("plan", end);
    }

    /** Whether a single-device plan can run on the shard's device: it names no other platform and no profile. */
    static boolean fits(Plan plan, DeviceSlot slot) {
        return (plan.platform() == null || plan.platform().equals(slot.platform())) && plan.profile() == null;
    }

    private int finish(long durationMs, List<DeviceSlot> devices) {
        List<Entry> done = new ArrayList<>(entries);
        done.sort((a, b) -> a.name().compareTo(b.name()) != 0 ? a.name().compareTo(b.name()) : Integer.compare(a.shard(), b.shard()));
        boolean error = done.stream().anyMatch(e -> e.result().status() == RunStatus.ERROR);
        boolean failed = done.stream().anyMatch(e -> e.result().status() != RunStatus.PASSED);
        int expected = assignment.stream().mapToInt(List::size).sum();
        boolean incomplete = done.size() < expected;
        String status = error ? "error" : failed || incomplete ? "failed" : "passed";
        ObjectNode results = Json.object().put("suiteId", suiteId).put("status", status).put("durationMs", durationMs)
                .put("plans", expected).put("ran", done.size())
                .put("passed", done.stream().filter(e -> e.result().status() == RunStatus.PASSED).count());
        ArrayNode shardNodes = results.putArray("shards");
        for (int i = 0; i < devices.size(); i++) {
            int shard = i + 1;
            long busy = done.stream().filter(e -> e.shard() == shard).mapToLong(e -> e.result().durationMs()).sum();
            ObjectNode s = shardNodes.addObject().put("shard", shard).put("device", devices.get(i).id()).put("busyMs", busy);
            assignment.get(i).forEach(s.putArray("plans")::add);
        }
        ArrayNode runNodes = results.putArray("runs");
        for (Entry e : done) {
            ObjectNode r = (ObjectNode) Json.toTree(e.result());
            r.put("path", e.name()).put("shard", e.shard()).put("dir", e.dir().toString());
            runNodes.add(r);
        }
        try {
            AtomicFiles.write(suiteDir.resolve("results.json"), Json.pretty(results).getBytes(StandardCharsets.UTF_8), false);
            AtomicFiles.write(suiteDir.resolve("junit.xml"),
                    JunitXml.render(done.stream().map(Entry::result).toList()).getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            events.emit("error", "error", new TandemException(ErrorCode.INTERNAL, "cannot write suite results: " + e.getMessage()).info());
        }
        int exit = error ? 3 : failed || incomplete ? 1 : 0;
        results.remove("runs");
        events.emit("suite-result", Json.object().put("dir", suiteDir.toString()).put("exitCode", exit).set("summary", results));
        return exit;
    }
}
