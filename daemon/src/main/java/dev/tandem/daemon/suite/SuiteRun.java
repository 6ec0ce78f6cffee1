package dev.tandem.daemon.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.devices.Allocation;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.Requirement;
import dev.tandem.daemon.run.InfraFailure;
import dev.tandem.daemon.report.JunitXml;
import dev.tandem.daemon.report.ReportFiles;
import dev.tandem.daemon.report.ReportHtml;
import dev.tandem.daemon.report.SuiteReportData;
import dev.tandem.daemon.run.PlanRuns;
import dev.tandem.daemon.run.RunEvents;
import dev.tandem.daemon.run.RunIds;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.engine.RunOptions;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunEvent.SuiteSummary;
import dev.tandem.protocol.api.SuiteRequest;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One suite in progress: a worker per shard, each running its plans in turn, each plan on the
 * devices it allocates for itself; then the merged results.
 */
final class SuiteRun {
    /**
     * One plan's run within the suite; {@code devices} are the ids it ran on, by label;
     * {@code earlier} the failed attempts before it ({@code --retries}), oldest first.
     */
    record Entry(String name, int shard, Map<String, String> devices, Path dir, RunResult result, List<Entry> earlier) {
        /** Passed, but only after a failed attempt. */
        boolean flaky() {
            return result.status() == RunStatus.PASSED && !earlier.isEmpty();
        }
    }

    private final String suiteId;
    private final Path suiteDir;
    private final Map<String, Plan> plans;
    private final Map<String, String> planPaths;
    private final Map<String, List<Requirement>> needs;
    private final List<String> apps;
    private final List<List<String>> assignment;
    private final SuiteRequest req;
    private final PlanRuns runs;
    private final Allocator allocator;
    private final Supplier<Set<String>> warm;
    private final RunEvents events;
    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

    SuiteRun(String suiteId, Path suiteDir, Map<String, Plan> plans, Map<String, String> planPaths,
            Map<String, List<Requirement>> needs, List<String> apps, List<List<String>> assignment, SuiteRequest req, PlanRuns runs,
            Allocator allocator, Supplier<Set<String>> warm, RunEvents events) {
        this.suiteId = suiteId;
        this.suiteDir = suiteDir;
        this.plans = plans;
        this.planPaths = planPaths;
        this.needs = needs;
        this.apps = apps;
        this.assignment = assignment;
        this.req = req;
        this.runs = runs;
        this.allocator = allocator;
        this.warm = warm;
        this.events = events;
    }

    int execute() throws InterruptedException {
        long t0 = System.nanoTime();
        List<RunEvent.Suite.Shard> shardList = new ArrayList<>();
        for (int i = 0; i < assignment.size(); i++) shardList.add(new RunEvent.Suite.Shard(i + 1, List.copyOf(assignment.get(i))));
        events.emit(new RunEvent.Suite(suiteId, suiteDir.toString(), plans.size(), shardList));
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < assignment.size(); i++) {
            int shard = i + 1;
            List<String> mine = assignment.get(i);
            workers.add(Thread.ofVirtual().name("shard-" + shard).start(() -> {
                Set<String> last = Set.of();
                for (String name : mine) {
                    if (events.gone()) return;
                    try {
                        last = runOne(shard, name, last);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread w : workers) w.join();
        return finish((System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Runs one plan, and again after a failure while it has retries left (each rerun allocates
     * afresh, preferring devices other than the ones it failed on); returns the ids it last used
     * (the shard prefers them next).
     */
    private Set<String> runOne(int shard, String name, Set<String> last) throws InterruptedException {
        Plan plan = plans.get(name);
        int retries = req.retries() != null ? req.retries() : plan.retries() != null ? plan.retries() : 0;
        List<Entry> earlier = new ArrayList<>();
        Set<String> prefer = last;
        while (true) {
            Entry attempt = attempt(shard, name, prefer, earlier);
            boolean again = retryable(attempt.result()) && earlier.size() < retries && !events.gone();
            events.emit(RunEvent.Plan.ended(name, shard, new LinkedHashMap<>(attempt.devices()), attempt.result(),
                    attempt.dir().toString(), earlier.size() + 1, again));
            if (!again) {
                entries.add(attempt);
                return Set.copyOf(attempt.devices().values());
            }
            earlier.add(attempt);
            Set<String> others = new java.util.HashSet<>(warm.get());
            others.removeAll(attempt.devices().values());
            prefer = others;
        }
    }

    /** A failed or errored run is worth another go; an aborted one (stopped from outside) is not. */
    private static boolean retryable(RunResult r) {
        return r.status() == RunStatus.FAILED || r.status() == RunStatus.ERROR;
    }

    /** One run of a plan on devices allocated for it alone. */
    private Entry attempt(int shard, String name, Set<String> prefer, List<Entry> earlier) throws InterruptedException {
        Plan plan = plans.get(name);
        Path runDir;
        try {
            runDir = RunIds.createRunDir(suiteDir);
        } catch (IOException e) {
            throw new TandemException(ErrorCode.USAGE, "cannot create a run directory in " + suiteDir + ": " + e.getMessage());
        }
        String runId = runDir.getFileName().toString();
        RunResult result;
        Map<String, String> devices = new LinkedHashMap<>();
        Allocation alloc = null;
        try {
            alloc = allocator.allocate(runId, req.clientPid(), needs.get(name),
                    req.waitMs() != null ? req.waitMs() : RunRequest.DEFAULT_WAIT_MS, prefer.isEmpty() ? warm.get() : prefer,
                    why -> events.emit(new RunEvent.Queued(name + ": " + why, name)));
            // in the plan's own order of labels, as its results list them (the allocation's map has no order to keep)
            Map<String, dev.tandem.daemon.devices.DeviceSlot> got = alloc.byLabel();
            for (var d : plan.devices()) if (got.containsKey(d.label())) devices.put(d.label(), got.get(d.label()).id());
            got.forEach((label, slot) -> devices.putIfAbsent(label, slot.id()));
            events.emit(RunEvent.Plan.started(name, shard, new LinkedHashMap<>(devices)));
            // a plan's own events stay in the daemon but its runner starts, named by plan
            RunEvents quiet = events.view(e -> e instanceof RunEvent.Runner,
                    e -> e instanceof RunEvent.Runner r ? r.withPlan(name) : e);
            result = runs.execute(new PlanRuns.Job(plan, planPaths.get(name),
                    plan.abortStrategy() != null ? plan.abortStrategy() : RunOptions.DEFAULT_ABORT,
                    plan.startStep() != null ? plan.startStep() : 0, runDir, alloc, req.clientPid(), null, apps, req.screenshots()), quiet);
        } catch (TandemException e) {
            // no devices within the wait: this plan errs, the suite goes on with the next
            result = InfraFailure.result(runId, plan, devices, e, plan.startStep() != null ? plan.startStep() : 0);
        } finally {
            if (alloc != null) allocator.release(runId);
        }
        return new Entry(name, shard, Collections.unmodifiableMap(devices), runDir, result, List.copyOf(earlier));
    }

    private int finish(long durationMs) {
        List<Entry> done = new ArrayList<>(entries);
        done.sort((a, b) -> a.name().compareTo(b.name()) != 0 ? a.name().compareTo(b.name()) : Integer.compare(a.shard(), b.shard()));
        boolean error = done.stream().anyMatch(e -> e.result().status() == RunStatus.ERROR);
        long flaky = done.stream().filter(Entry::flaky).count();
        // a flaky plan passed; with --fail-on-flaky it fails the suite all the same
        boolean failed = done.stream().anyMatch(e -> e.result().status() != RunStatus.PASSED) || (req.failOnFlaky() && flaky > 0);
        int expected = assignment.stream().mapToInt(List::size).sum();
        boolean incomplete = done.size() < expected;
        RunStatus status = error ? RunStatus.ERROR : failed || incomplete ? RunStatus.FAILED : RunStatus.PASSED;
        List<SuiteSummary.ShardSummary> shardSummaries = new ArrayList<>();
        for (int i = 0; i < assignment.size(); i++) {
            int shard = i + 1;
            long busy = done.stream().filter(e -> e.shard() == shard)
                    .mapToLong(e -> e.result().durationMs() + e.earlier().stream().mapToLong(a -> a.result().durationMs()).sum()).sum();
            List<String> used = done.stream().filter(e -> e.shard() == shard).flatMap(e -> e.devices().values().stream()).distinct()
                    .sorted().toList();
            shardSummaries.add(new SuiteSummary.ShardSummary(shard, busy, used, List.copyOf(assignment.get(i))));
        }
        SuiteSummary summary = new SuiteSummary(suiteId, status, durationMs, expected, done.size(),
                done.stream().filter(e -> e.result().status() == RunStatus.PASSED).count(), shardSummaries, flaky);
        // the suite's results.json: the summary and every plan's result
        ObjectNode results = (ObjectNode) Json.toTree(summary);
        var runNodes = results.putArray("runs");
        for (Entry e : done) {
            ObjectNode r = (ObjectNode) Json.toTree(e.result());
            r.put("path", e.name()).put("shard", e.shard()).put("dir", e.dir().toString());
            if (!e.earlier().isEmpty()) {
                r.put("flaky", e.flaky()).put("retries", e.earlier().size());
                var attempts = r.putArray("attempts");
                for (Entry a : e.earlier()) attempts.add(attempt(a));
                attempts.add(attempt(e));
            }
            runNodes.add(r);
        }
        try {
            AtomicFiles.write(suiteDir.resolve("results.json"), Json.pretty(results).getBytes(StandardCharsets.UTF_8), false);
            AtomicFiles.write(suiteDir.resolve("junit.xml"),
                    JunitXml.renderAttempts(done.stream().map(e -> new JunitXml.Attempts(e.result(),
                            e.earlier().stream().map(Entry::result).toList())).toList()).getBytes(StandardCharsets.UTF_8), false);
            AtomicFiles.write(suiteDir.resolve(ReportFiles.REPORT),
                    ReportHtml.render(SuiteReportData.of(results, suiteDir)).getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            events.emit(new RunEvent.Error(new TandemException(ErrorCode.INTERNAL, "cannot write suite results: " + e.getMessage()).info()));
        }
        int exit = error ? ErrorCategory.INFRASTRUCTURE.exitCode()
                : failed || incomplete ? ErrorCategory.PLAN_FAILED.exitCode() : ErrorCategory.PASSED_EXIT_CODE;
        // the suite's end is told once its plans' Grid sessions are closed (a CI job may tear the Grid down next)
        try {
            allocator.awaitGivenBack(done.stream().flatMap(e -> e.devices().values().stream()).distinct().toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the result still goes out; the sessions close as their runners exit
        }
        events.emit(new RunEvent.SuiteResult(suiteDir.toString(), exit, summary));
        return exit;
    }

    /** One attempt of a plan in the suite's results.json: where it ran, how it ended. */
    private static ObjectNode attempt(Entry a) {
        ObjectNode n = Json.object().put("runId", a.result().runId()).put("dir", a.dir().toString())
                .put("status", a.result().status().wire()).put("durationMs", a.result().durationMs());
        n.set("devices", Json.toTree(a.devices()));
        if (a.result().rootCause() != null) n.set("rootCause", Json.toTree(a.result().rootCause()));
        return n;
    }
}
