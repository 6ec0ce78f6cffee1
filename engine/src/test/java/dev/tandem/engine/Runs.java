package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs plans on {@link FakeDevices} under a hang guard (a bound on a run that should end quickly, not a timing assertion). */
final class Runs {
    static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private static final AtomicInteger RUN_IDS = new AtomicInteger();

    private Runs() {}

    static PlanExecutor executor(Plan plan, FakeDevices fake, RunOptions options) {
        Map<String, String> ids = new HashMap<>();
        for (String l : plan.labels()) ids.put(l, "dev-" + l);
        return new PlanExecutor(plan, fake.channels(plan.labels()), ids, options, fake.listener());
    }

    static RunOptions options(AbortStrategy strategy, int startStep) {
        return new RunOptions("run" + RUN_IDS.incrementAndGet(), strategy, startStep);
    }

    static RunResult run(Plan plan, FakeDevices fake) {
        return run(plan, fake, AbortStrategy.IMMEDIATE);
    }

    static RunResult run(Plan plan, FakeDevices fake, AbortStrategy strategy) {
        return run(executor(plan, fake, options(strategy, 0)));
    }

    static RunResult run(PlanExecutor executor) {
        return run(executor, HANG_GUARD);
    }

    static RunResult run(PlanExecutor executor, Duration guard) {
        return assertTimeoutPreemptively(guard, executor::run, "the run did not end within " + guard);
    }

    /** The step record of a step by its label. */
    static StepRecord record(RunResult result, String label) {
        return result.steps().stream().filter(s -> label.equals(s.label())).findFirst()
                .orElseThrow(() -> new AssertionError("no step record for " + label + " in " + result.steps()));
    }

    static void assertNoViolations(FakeDevices fake) {
        assertThat(fake.violations()).as("fake device contract violations").isEmpty();
    }
}
