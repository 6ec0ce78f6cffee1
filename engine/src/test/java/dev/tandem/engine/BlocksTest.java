package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.plan.LoadResult;
import dev.tandem.plan.Plan;
import dev.tandem.plan.PlanLoader;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** repeat, retry and when on fake devices: order kept, bounded, retry semantics, skips shown as skipped. */
class BlocksTest {

    static Plan plan(String yaml) {
        LoadResult r = PlanLoader.parse(yaml, "blocks.yaml");
        assertThat(r.errors()).as("diagnostics").isEmpty();
        return r.plan();
    }

    private static RunResult run(Plan plan, FakeDevices fake, Map<String, String> platforms) {
        RunOptions o = Runs.options(AbortStrategy.IMMEDIATE, 0);
        return Runs.run(Runs.executor(plan, fake, new RunOptions(o.runId(), o.abortStrategy(), 0, platforms)));
    }

    /** Passes the first {@code failures} times, fails with ELEMENT_NOT_FOUND after: a screen where an element goes away. */
    private static java.util.function.Supplier<ErrorCode> shownTimes(int times) {
        AtomicInteger n = new AtomicInteger();
        return () -> n.incrementAndGet() <= times ? null : ErrorCode.ELEMENT_NOT_FOUND;
    }

    @Test
    void repeatTimesRunsItsStepsInOrderThatManyTimesEachRecordWithItsIteration() {
        Plan p = plan("""
                steps:
                - {tool: tapOn, text: a, label: a}
                - tool: repeat
                  times: 3
                  steps:
                  - {tool: tapOn, text: b, label: b}
                  - {tool: tapOn, text: c, label: c}
                - {tool: tapOn, text: d, label: d}
                """);
        FakeDevices fake = new FakeDevices();
        RunResult r = Runs.run(p, fake);
        assertThat(r.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.startedOn("default")).containsExactly("a", "b", "c", "b", "c", "b", "c", "d");
        assertThat(r.steps()).extracting(StepRecord::label, StepRecord::planStep, StepRecord::trackStep, StepRecord::iteration)
                .containsExactly(tuple("a", 0, 0, null), tuple("b", 1, 1, 1), tuple("c", 1, 2, 1), tuple("b", 1, 1, 2),
                        tuple("c", 1, 2, 2), tuple("b", 1, 1, 3), tuple("c", 1, 2, 3), tuple("d", 2, 3, null));
        DeviceResult d = r.devices().get("default");
        assertThat(d.steps()).as("a repeated step counts once").isEqualTo(new DeviceResult.Steps(4, 4));
        Runs.assertNoViolations(fake);
    }

    @Test
    void repeatWhileLooksBeforeEachIterationAndStopsWhenTheElementIsGone() {
        Plan p = plan("""
                steps:
                - tool: repeat
                  while: {text: Load more}
                  steps: [{tool: tapOn, text: Load more, label: more}]
                - {tool: assertVisible, text: End, label: end}
                """);
        FakeDevices fake = new FakeDevices().answers("look for {\"text\":\"Load more\"}", shownTimes(2));
        RunResult r = Runs.run(p, fake);
        assertThat(r.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.startedOn("default")).containsExactly("look for {\"text\":\"Load more\"}", "more",
                "look for {\"text\":\"Load more\"}", "more", "look for {\"text\":\"Load more\"}", "end");
        assertThat(r.steps()).as("looks are not steps").extracting(StepRecord::label).containsExactly("more", "more", "end");
    }

    @Test
    void repeatWhileThatNeverEndsFailsAtItsCap() {
        Plan p = plan("""
                steps:
                - tool: repeat
                  while: Spinner
                  steps: [{tool: wait, ms: 0, label: tick}]
                - {tool: tapOn, text: never, label: never}
                """);
        FakeDevices fake = new FakeDevices();
        RunResult r = Runs.run(p, fake);
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.steps()).filteredOn(s -> s.label().equals("tick")).hasSize(100);
        var f = r.devices().get("default").failure();
        assertThat(f.code()).isEqualTo(ErrorCode.BLOCK_LIMIT);
        assertThat(f.tool()).isEqualTo("repeat");
        assertThat(f.message()).startsWith("repeat while \"Spinner\" still saw it after 100 iterations");
        assertThat(fake.startedOn("default")).doesNotContain("never");
    }

    @Test
    void repeatTimesWithWhileEndsQuietlyAtTimes() {
        Plan p = plan("""
                steps:
                - {tool: repeat, times: 2, while: Spinner, steps: [{tool: tapOn, text: x, label: x}]}
                """);
        RunResult r = Runs.run(p, new FakeDevices());
        assertThat(r.status()).isEqualTo(RunStatus.PASSED);
        assertThat(r.steps()).hasSize(2);
    }

    @Test
    void retryRunsTheBlockAgainFromItsFirstStepAndAnEarlierFailureIsAWarning() {
        Plan p = plan("""
                steps:
                - tool: retry
                  maxRetries: 2
                  steps:
                  - {tool: tapOn, text: open, label: open}
                  - {tool: assertVisible, text: Done, label: check}
                - {tool: tapOn, text: next, label: next}
                """);
        FakeDevices fake = new FakeDevices().answers("check", () -> null);
        AtomicInteger checks = new AtomicInteger();
        fake.answers("check", () -> checks.incrementAndGet() < 3 ? ErrorCode.ASSERTION_FAILED : null);
        RunResult r = Runs.run(p, fake);
        assertThat(r.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.startedOn("default")).containsExactly("open", "check", "open", "check", "open", "check", "next");
        assertThat(r.steps()).extracting(StepRecord::label, StepRecord::status, StepRecord::iteration).containsExactly(
                tuple("open", StepStatus.PASSED, 1), tuple("check", StepStatus.WARNED, 1),
                tuple("open", StepStatus.PASSED, 2), tuple("check", StepStatus.WARNED, 2),
                tuple("open", StepStatus.PASSED, 3), tuple("check", StepStatus.PASSED, 3),
                tuple("next", StepStatus.PASSED, null));
        assertThat(r.steps().get(1).error().message()).endsWith("(attempt 1 of 3; the retry block tries again)");
        assertThat(r.rootCause()).isNull();
    }

    @Test
    void aRetryWhoseAttemptsAllFailFailsWithTheLastFailure() {
        Plan p = plan("""
                steps:
                - {tool: retry, maxRetries: 1, steps: [{tool: assertVisible, text: Done, label: check}]}
                - {tool: tapOn, text: next, label: next}
                """);
        FakeDevices fake = new FakeDevices().fails("check", ErrorCode.ASSERTION_FAILED);
        RunResult r = Runs.run(p, fake);
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.steps()).extracting(StepRecord::status).containsExactly(StepStatus.WARNED, StepStatus.FAILED);
        assertThat(r.rootCause().failure()).extracting(f -> f.code(), f -> f.planStep(), f -> f.trackStep())
                .containsExactly(ErrorCode.ASSERTION_FAILED, 0, 0);
        assertThat(r.rootCause().failure().message()).isEqualTo("check failed on purpose");
    }

    @Test
    void aRetryDoesNotRetryALostDeviceOrAnInfrastructureFailure() {
        Plan p = plan("""
                steps:
                - {tool: retry, maxRetries: 3, steps: [{tool: tapOn, text: x, label: x}]}
                """);
        FakeDevices fake = new FakeDevices().fails("x", ErrorCode.OUTCOME_UNKNOWN);
        RunResult r = Runs.run(p, fake);
        assertThat(r.status()).isEqualTo(RunStatus.ERROR);
        assertThat(fake.startedOn("default")).containsExactly("x");
    }

    @Test
    void aWhenBlockWhoseConditionFailsShowsItsStepsAsSkipped() {
        Plan p = plan("""
                steps:
                - tool: when
                  visible: Accept cookies
                  steps: [{tool: tapOn, text: Accept cookies, label: accept}]
                - tool: when
                  platform: web
                  steps: [{tool: tapOn, text: web only, label: web}]
                - tool: when
                  platform: sim
                  notVisible: Banner
                  steps: [{tool: tapOn, text: sim only, label: sim}]
                """);
        FakeDevices fake = new FakeDevices().answers("look for \"Accept cookies\"", () -> ErrorCode.ELEMENT_NOT_FOUND)
                .answers("look for \"Banner\"", () -> ErrorCode.ELEMENT_NOT_FOUND);
        RunResult r = run(p, fake, Map.of("default", "sim"));
        assertThat(r.status()).isEqualTo(RunStatus.PASSED);
        assertThat(r.steps()).extracting(StepRecord::label, StepRecord::status).containsExactly(
                tuple("accept", StepStatus.SKIPPED), tuple("web", StepStatus.SKIPPED), tuple("sim", StepStatus.PASSED));
        assertThat(fake.startedOn("default")).containsExactly("look for \"Accept cookies\"", "look for \"Banner\"", "sim");
        assertThat(r.devices().get("default").steps()).isEqualTo(new DeviceResult.Steps(3, 3));
    }

    @Test
    void aBlockPastItsTimeoutFailsWithBlockLimit() {
        Plan p = plan("""
                steps:
                - {tool: repeat, times: 1000, timeout: 50, steps: [{tool: tapOn, text: slow, label: slow}]}
                """);
        RunResult r = Runs.run(p, new FakeDevices().takes("slow", 20));
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.rootCause().failure().code()).isEqualTo(ErrorCode.BLOCK_LIMIT);
        assertThat(r.rootCause().failure().message()).startsWith("repeat block ran past its timeout of 50 ms");
        assertThat(r.steps().size()).isLessThan(1000);
    }

    @Test
    void aBlockOnOneDeviceRunsBesideTheOtherTracksAndMeetsTheNextBarrier() {
        Plan p = plan("""
                devices: [A, B]
                steps:
                - tool: repeat
                  device: A
                  times: 3
                  steps: [{tool: tapOn, text: a, label: a}]
                - {tool: tapOn, device: B, text: b, label: b}
                - {tool: barrier}
                - tool: retry
                  device: B
                  steps:
                  - tool: when
                    visible: X
                    steps: [{tool: tapOn, text: c, label: c}]
                - {tool: tapOn, device: A, text: d, label: d}
                """);
        FakeDevices fake = new FakeDevices();
        RunResult r = Runs.run(p, fake);
        assertThat(r.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.startedOn("A")).containsExactly("a", "a", "a", "d");
        assertThat(fake.startedOn("B")).containsExactly("b", "look for \"X\"", "c");
        assertThat(fake.start("d").seq()).as("A meets the barrier after B's step").isGreaterThan(fake.end("b").seq());
        assertThat(fake.start("c").seq()).as("B meets it after A's repeat").isGreaterThan(
                fake.events().stream().filter(e -> e.kind() == FakeDevices.Kind.END && "a".equals(e.step()))
                        .mapToInt(FakeDevices.Event::seq).max().orElseThrow());
        assertThat(r.devices().values()).extracting(DeviceResult::status).containsOnly(DeviceStatus.PASSED);
    }

    @Test
    void aPeerFailureStopsARepeatBetweenItsSteps() {
        Plan p = plan("""
                devices: [A, B]
                steps:
                - {tool: repeat, device: A, times: 1000, steps: [{tool: tapOn, text: a, label: a}]}
                - {tool: tapOn, device: B, text: b, label: b}
                """);
        FakeDevices fake = new FakeDevices().takes("a", 1).failsAfter("b", 30, ErrorCode.ASSERTION_FAILED);
        RunResult r = Runs.run(p, fake);
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.rootCause().device()).isEqualTo("B");
        assertThat(r.devices().get("A").status()).isEqualTo(DeviceStatus.ABORTED);
        Runs.assertNoViolations(fake);
    }
}
