package dev.tandem.cli.selfcheck;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.StepNote;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.ValidationError;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import java.util.List;
import java.util.Map;

/**
 * Fixed event streams, as the daemon sends them, that between them hold every {@link RunEvent}
 * type and the branches the CLI's renderers take (two devices, a sync wait, a critical section, a
 * warned and a failed step, a refused and an invalid request, a suite). Kept as records, not as
 * JSON text, so a change to an event's fields cannot leave the sample behind unnoticed.
 */
public final class SampleEvents {
    private SampleEvents() {}

    /** Which request a stream answers: a plan's run or a suite. */
    public enum Request {
        RUN("run"), SUITE("test");

        /** The CLI command that sends it. */
        public final String command;

        Request(String command) {
            this.command = command;
        }
    }

    /** One stream and the exit code the CLI should end with on it. */
    public record Sample(String name, Request request, List<RunEvent> events, int exitCode) {}

    /** A two-device run whose second device fails. */
    public static Sample failedRun(String dir) {
        Map<String, String> devices = Map.of("A", "sim-1", "B", "sim-2");
        StepRecord tapped = new StepRecord(0, 0, "A", "tapOn", "sign in", StepStatus.PASSED, 3, 12, null);
        StepRecord warned = new StepRecord(1, 1, "A", "assertVisible", "welcome", StepStatus.WARNED, 16, 40,
                new ErrorInfo(ErrorCode.ASSERTION_FAILED, "the screen moved while it was read"), null,
                List.of(StepNote.SCREEN_NEVER_SETTLED));
        Failure failure = new Failure(2, 0, "assertVisible", ErrorCode.ASSERTION_FAILED, "no element matches text 'Inbox'",
                dir + "/B-2.png");
        StepRecord failed = new StepRecord(2, 0, "B", "assertVisible", "inbox", StepStatus.FAILED, 20, 30,
                new ErrorInfo(failure.code(), failure.message()), failure.screenshot(), null);
        DeviceResult a = new DeviceResult("sim-1", "sim", "instant", DeviceStatus.PASSED, new DeviceResult.Steps(2, 2), 60, null);
        DeviceResult b = new DeviceResult("sim-2", "sim", "instant", DeviceStatus.FAILED, new DeviceResult.Steps(1, 1), 55, failure);
        RunResult result = new RunResult("self-check", "self-check", RunStatus.FAILED, 70, Map.of("A", a, "B", b),
                List.of(tapped, warned, failed), new RunResult.RootCause("B", failure), 1_700_000_000_000L);
        return new Sample("failed run", Request.RUN, List.of(
                new RunEvent.Queued("waiting for sim-2 (held by pid 1)", null),
                new RunEvent.Runner("sim-1", "sim", RunEvent.RunnerStart.PREPARING, null),
                new RunEvent.Runner("sim-2", "sim", RunEvent.RunnerStart.STARTING, null),
                new RunEvent.Allocated("self-check", dir, "self-check", devices),
                RunEvent.Step.started("A", 0, 0, "tapOn", "sign in", "text 'Sign in'"),
                RunEvent.Step.ended(tapped),
                new RunEvent.Waiting("A", RunEvent.SyncKind.BARRIER, "signed-in"),
                new RunEvent.Waiting("B", RunEvent.SyncKind.CRITICAL_SECTION, "inbox"),
                new RunEvent.Section("B", "inbox"),
                RunEvent.Step.started("A", 1, 1, "assertVisible", "welcome", null),
                RunEvent.Step.ended(warned),
                new RunEvent.Heartbeat(),
                RunEvent.Step.started("B", 2, 0, "assertVisible", "inbox", "text 'Inbox'"),
                RunEvent.Step.ended(failed),
                new RunEvent.Device("A", a),
                new RunEvent.Device("B", b),
                new RunEvent.Result(result, dir, 1),
                new RunEvent.Exit(1)), 1);
    }

    /** A one-device run that passes. */
    public static Sample passedRun(String dir) {
        StepRecord step = new StepRecord(0, 0, "default", "launchApp", "launch", StepStatus.PASSED, 1, 5, null);
        DeviceResult d = new DeviceResult("sim-1", "sim", "instant", DeviceStatus.PASSED, new DeviceResult.Steps(1, 1), 6, null);
        RunResult result = new RunResult("self-check", "self-check", RunStatus.PASSED, 8, Map.of("default", d), List.of(step),
                null, 1_700_000_000_000L);
        return new Sample("passed run", Request.RUN, List.of(
                new RunEvent.Allocated("self-check", dir, "self-check", Map.of("default", "sim-1")),
                RunEvent.Step.started("default", 0, 0, "launchApp", "launch", "contacts"),
                RunEvent.Step.ended(step),
                new RunEvent.Device("default", d),
                new RunEvent.Result(result, dir, 0),
                new RunEvent.Exit(0)), 0);
    }

    /** A plan that does not validate. */
    public static Sample invalidRun() {
        return new Sample("invalid plan", Request.RUN, List.of(
                new RunEvent.Validation(List.of(new ValidationError(new ValidationError.Pos("self-check.yaml", 3, 5),
                        "unknown tool 'tapp'", "did you mean 'tapOn'?")), 1),
                new RunEvent.Exit(ErrorCode.VALIDATION.exitCode())), ErrorCode.VALIDATION.exitCode());
    }

    /** A request the daemon refuses. */
    public static Sample refusedRun() {
        return new Sample("refused run", Request.RUN, List.of(
                new RunEvent.Error(new ErrorInfo(ErrorCode.DEVICE_UNAVAILABLE, "no device matches 'sim:9'")),
                new RunEvent.Exit(ErrorCode.DEVICE_UNAVAILABLE.exitCode())), ErrorCode.DEVICE_UNAVAILABLE.exitCode());
    }

    /** A two-plan suite on two shards, one plan failing. */
    public static Sample suite(String dir) {
        Failure failure = new Failure(1, 1, "tapOn", ErrorCode.ELEMENT_NOT_FOUND, "no element matches text 'Send'");
        var summary = new RunEvent.SuiteSummary("self-check", RunStatus.FAILED, 90, 2, 2, 1, List.of(
                new RunEvent.SuiteSummary.ShardSummary(1, 40, List.of("sim-1"), List.of("a.yaml")),
                new RunEvent.SuiteSummary.ShardSummary(2, 50, List.of("sim-2"), List.of("b.yaml"))));
        return new Sample("suite", Request.SUITE, List.of(
                new RunEvent.Suite("self-check", dir, 2, List.of(new RunEvent.Suite.Shard(1, List.of("a.yaml")),
                        new RunEvent.Suite.Shard(2, List.of("b.yaml")))),
                new RunEvent.Queued("waiting for sim-2", "b.yaml"),
                new RunEvent.Runner("sim-1", "sim", RunEvent.RunnerStart.STARTING, "a.yaml"),
                RunEvent.Plan.started("a.yaml", 1, Map.of("default", "sim-1")),
                RunEvent.Plan.started("b.yaml", 2, Map.of("default", "sim-2")),
                new RunEvent.Plan(RunEvent.Phase.END, "a.yaml", 1, Map.of("default", "sim-1"), RunStatus.PASSED, 40L, dir + "/a", null),
                new RunEvent.Plan(RunEvent.Phase.END, "b.yaml", 2, Map.of("default", "sim-2"), RunStatus.FAILED, 50L, dir + "/b",
                        new RunResult.RootCause("default", failure)),
                new RunEvent.SuiteResult(dir, 1, summary),
                new RunEvent.Exit(1)), 1);
    }

    /** Every sample stream; {@code dir} is where their (never written) run directories would be. */
    public static List<Sample> all(String dir) {
        return List.of(passedRun(dir), failedRun(dir), invalidRun(), refusedRun(), suite(dir));
    }

    /** The event types the samples hold. */
    public static java.util.Set<Class<?>> types(List<Sample> streams) {
        return streams.stream().flatMap(s -> s.events().stream()).map(Object::getClass)
                .collect(java.util.stream.Collectors.toSet());
    }
}
