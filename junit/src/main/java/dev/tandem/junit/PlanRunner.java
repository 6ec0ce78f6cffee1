package dev.tandem.junit;

import dev.tandem.client.RunOutcome;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.state.StateDir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one plan through the daemon as {@code tandem run} does (the same request: devices by label,
 * default platform, output dir, wait), rerunning a failed run up to {@code tandem.retries} times:
 * the daemon has no retries of its own yet. What is not a finished run throws: an invalid plan
 * (AssertionFailedError with the diagnostics), a refusal or a lost daemon (TandemError).
 */
final class PlanRunner {
    private PlanRunner() {}

    static PlanRun run(EngineConfig config, Path plan, List<String> labels, Consumer<RunEvent> events) {
        RunRequest request = new RunRequest(plan.toString(), config.devicesFor(labels), config.platform(), null, null,
                config.output().toString(), config.waitMs(), ProcessHandle.current().pid(), null, config.apps())
                .withParams(config.params(), System.getenv()); // tandem.env.* are the plan's -e values
        List<RunOutcome.Finished> failed = new ArrayList<>();
        try (TandemClient tandem = TandemClient.connect(StateDir.resolve(config.daemonEnv()), config.daemonEnv(), true)) {
            while (true) {
                RunOutcome outcome = tandem.run(request, events);
                switch (outcome) {
                    case RunOutcome.Finished f -> {
                        if (f.result().status() == RunStatus.PASSED || failed.size() >= config.retries()) return new PlanRun(f, failed);
                        failed.add(f);
                    }
                    case RunOutcome.Invalid v -> throw Failures.invalid(plan, v.validation().errors(),
                            v.validation().moreErrors() == null ? 0 : v.validation().moreErrors());
                    case RunOutcome.Refused r -> throw new TandemError(r.error());
                    case RunOutcome.Ended e -> throw new TandemError(new ErrorInfo(ErrorCode.INTERNAL, "the daemon ended the run"
                            + " of " + plan + " with exit " + e.exitCode() + " and no result; see its log under "
                            + StateDir.resolve(config.daemonEnv()).logs()));
                    case RunOutcome.SuiteFinished s -> throw new IllegalStateException("a plan's run ended as a suite");
                }
            }
        } catch (TandemException e) {
            throw new TandemError(e.info());
        }
    }
}
