package dev.tandem.protocol.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.StepNote;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line of a run's or a suite's event stream ({@code POST /v1/runs}, {@code POST /v1/suites};
 * NDJSON), named by its {@code event} property. The stream always ends with {@link Exit}; a
 * heartbeat comes every second. See docs/daemon-api.md for when each is sent.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RunEvent.Allocated.class, name = "allocated"),
        @JsonSubTypes.Type(value = RunEvent.Queued.class, name = "queued"),
        @JsonSubTypes.Type(value = RunEvent.Runner.class, name = "runner"),
        @JsonSubTypes.Type(value = RunEvent.Step.class, name = "step"),
        @JsonSubTypes.Type(value = RunEvent.Waiting.class, name = "waiting"),
        @JsonSubTypes.Type(value = RunEvent.Section.class, name = "section"),
        @JsonSubTypes.Type(value = RunEvent.Device.class, name = "device"),
        @JsonSubTypes.Type(value = RunEvent.Result.class, name = "result"),
        @JsonSubTypes.Type(value = RunEvent.Error.class, name = "error"),
        @JsonSubTypes.Type(value = RunEvent.Validation.class, name = "validation"),
        @JsonSubTypes.Type(value = RunEvent.Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = RunEvent.Exit.class, name = "exit"),
        @JsonSubTypes.Type(value = RunEvent.Suite.class, name = "suite"),
        @JsonSubTypes.Type(value = RunEvent.Plan.class, name = "plan"),
        @JsonSubTypes.Type(value = RunEvent.SuiteResult.class, name = "suite-result")})
public sealed interface RunEvent {

    /** The run has its devices: device id by label. */
    record Allocated(String runId, String dir, String plan, Map<String, String> devices) implements RunEvent {}

    /** The request waits for busy devices ({@code message} says for which); {@code plan} in suites. */
    record Queued(String message, String plan) implements RunEvent {}

    /** A device's runner is being started (not sent for a warm runner); {@code plan} in suites. */
    record Runner(String device, String platform, RunnerStart state, String plan) implements RunEvent {
        public Runner withPlan(String name) {
            return new Runner(device, platform, state, name);
        }
    }

    enum RunnerStart {
        /** The platform's runner artifact is built first (its first use on this host). */
        PREPARING,
        STARTING;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A step started ({@code phase} start: device label, indexes, tool, label, {@code target} what
     * it acts on) or ended ({@code phase} end: the fields of its {@link StepRecord}).
     */
    record Step(Phase phase, String device, int planStep, int trackStep, String tool, String label, String target,
            StepStatus status, Long startMs, Long durationMs, ErrorInfo error, String screenshot, List<StepNote> notes,
            String source, Integer iteration) implements RunEvent {

        public Step(Phase phase, String device, int planStep, int trackStep, String tool, String label, String target,
                StepStatus status, Long startMs, Long durationMs, ErrorInfo error, String screenshot, List<StepNote> notes) {
            this(phase, device, planStep, trackStep, tool, label, target, status, startMs, durationMs, error, screenshot, notes, null,
                    null);
        }

        public static Step started(String device, int planStep, int trackStep, String tool, String label, String target) {
            return started(device, planStep, trackStep, tool, label, target, null);
        }

        /** @param iteration the repeat or retry iteration it runs in (1-based), or null outside one */
        public static Step started(String device, int planStep, int trackStep, String tool, String label, String target,
                Integer iteration) {
            return new Step(Phase.START, device, planStep, trackStep, tool, label, target, null, null, null, null, null, null,
                    null, iteration);
        }

        public static Step ended(StepRecord r) {
            return new Step(Phase.END, r.device(), r.planStep(), r.trackStep(), r.tool(), r.label(), null, r.status(), r.startMs(),
                    r.durationMs(), r.error(), r.screenshot(), r.notes(), r.source(), r.iteration());
        }

        /** The finished step's record (phase end). */
        public StepRecord record() {
            return new StepRecord(planStep, trackStep, device, tool, label, status, startMs == null ? 0 : startMs,
                    durationMs == null ? 0 : durationMs, error, screenshot, notes, source, iteration);
        }
    }

    enum Phase {
        START, END;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A device waits at a sync point: {@code kind} barrier or criticalSection, {@code name} its lock or name. */
    record Waiting(String device, SyncKind kind, String name) implements RunEvent {}

    enum SyncKind {
        BARRIER("barrier"),
        CRITICAL_SECTION("criticalSection");

        private final String wireName;

        SyncKind(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        public static SyncKind of(String wireName) {
            for (SyncKind k : values()) if (k.wireName.equals(wireName)) return k;
            throw new IllegalArgumentException("not a sync point: " + wireName);
        }
    }

    /** A device entered a critical section (its steps now run one at a time). */
    record Section(String device, String name) implements RunEvent {}

    /** A device's track ended. */
    record Device(String device, DeviceResult result) implements RunEvent {}

    /** The run ended: its results.json, its directory, the exit code it maps to. */
    record Result(RunResult result, String dir, int exitCode) implements RunEvent {}

    /** The request failed before or instead of running (no device, bad request, …). */
    record Error(ErrorInfo error) implements RunEvent {}

    /** The plan (or a suite's plans) did not validate; {@code moreErrors} beyond those listed, when any. */
    record Validation(List<ValidationError> errors, Integer moreErrors) implements RunEvent {
        public Validation {
            errors = List.copyOf(errors);
        }
    }

    /** Every second, for the whole request: a silent stream means a dead daemon. */
    record Heartbeat() implements RunEvent {}

    /** The last event: the exit code for the caller. */
    record Exit(int exitCode) implements RunEvent {}

    /** A suite started: its plans by shard (shards numbered from 1). */
    record Suite(String suiteId, String dir, int plans, List<Shard> shards) implements RunEvent {
        public record Shard(int shard, List<String> plans) {}
    }

    /**
     * A suite's plan started ({@code phase} start: its shard and devices) or ended ({@code phase}
     * end: also status, duration, run directory and root cause). A plan run again after a failure
     * ({@code --retries}) ends once per attempt.
     *
     * @param attempt 1 for the first run of the plan, 2 for its first rerun…; null: 1
     * @param retrying true when this attempt failed and the plan runs again
     */
    record Plan(Phase phase, String plan, int shard, Map<String, String> devices, RunStatus status, Long durationMs,
            String dir, RunResult.RootCause rootCause, Integer attempt, Boolean retrying) implements RunEvent {

        public Plan(Phase phase, String plan, int shard, Map<String, String> devices, RunStatus status, Long durationMs,
                String dir, RunResult.RootCause rootCause) {
            this(phase, plan, shard, devices, status, durationMs, dir, rootCause, null, null);
        }

        public static Plan started(String plan, int shard, Map<String, String> devices) {
            return new Plan(Phase.START, plan, shard, devices, null, null, null, null);
        }

        public static Plan ended(String plan, int shard, Map<String, String> devices, RunResult r, String dir) {
            return new Plan(Phase.END, plan, shard, devices, r.status(), r.durationMs(), dir, r.rootCause());
        }

        public static Plan ended(String plan, int shard, Map<String, String> devices, RunResult r, String dir, int attempt,
                boolean retrying) {
            return new Plan(Phase.END, plan, shard, devices, r.status(), r.durationMs(), dir, r.rootCause(), attempt, retrying);
        }

        /** Passed, but only after a failed attempt. */
        public boolean flaky() {
            return status == RunStatus.PASSED && attempt != null && attempt > 1;
        }
    }

    /** A suite ended: its directory, exit code and summary (its results.json without the runs). */
    record SuiteResult(String dir, int exitCode, SuiteSummary summary) implements RunEvent {}

    /**
     * @param plans the plans this node runs; {@code ran} how many ran, {@code passed} how many passed
     *     (flaky ones included); {@code flaky} how many passed only on a rerun
     */
    record SuiteSummary(String suiteId, RunStatus status, long durationMs, int plans, int ran, long passed,
            List<ShardSummary> shards, long flaky) {

        public SuiteSummary(String suiteId, RunStatus status, long durationMs, int plans, int ran, long passed,
                List<ShardSummary> shards) {
            this(suiteId, status, durationMs, plans, ran, passed, shards, 0);
        }

        /** @param busyMs the sum of its plans' durations; @param devices the ids it used */
        public record ShardSummary(int shard, long busyMs, List<String> devices, List<String> plans) {}
    }
}
