package dev.tandem.junit;

import dev.tandem.client.RunOutcome;
import dev.tandem.protocol.result.RunStatus;
import java.util.List;

/**
 * A plan's run as its tracks read it: the last attempt, and the failed attempts before it (with
 * {@code tandem.retries}); a last attempt that passed after failed ones makes the plan flaky.
 */
record PlanRun(RunOutcome.Finished last, List<RunOutcome.Finished> failedAttempts) {
    PlanRun {
        failedAttempts = List.copyOf(failedAttempts);
    }

    boolean flaky() {
        return !failedAttempts.isEmpty() && last.result().status() == RunStatus.PASSED;
    }
}
