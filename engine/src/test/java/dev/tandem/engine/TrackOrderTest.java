package dev.tandem.engine;

import static dev.tandem.engine.PlanBuilder.at;
import static dev.tandem.engine.Runs.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import org.junit.jupiter.api.Test;

/** Plan order within each track, plan and track indices, start step, single-device plans. */
class TrackOrderTest {

    /** 0 a0 · 1 b0 · 2 section(A s0, B s1, A s2) · 3 c0 · 4 barrier · 5 a1 · 6 b1 */
    private static Plan mixed() {
        return PlanBuilder.devices("A", "B", "C")
                .step("A", "a0")
                .step("B", "b0")
                .section("L", at("A", "s0"), at("B", "s1"), at("A", "s2"))
                .step("C", "c0")
                .barrier()
                .step("A", "a1")
                .step("B", "b1")
                .build();
    }

    @Test
    void eachTrackRunsItsStepsInPlanOrder() {
        FakeDevices fake = new FakeDevices().takes("a0", 5).takes("b0", 3).takes("c0", 2);
        RunResult result = Runs.run(mixed(), fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.startedOn("A")).containsExactly("a0", "s0", "s2", "a1");
        assertThat(fake.startedOn("B")).containsExactly("b0", "s1", "b1");
        assertThat(fake.startedOn("C")).containsExactly("c0");
        Runs.assertNoViolations(fake);
    }

    @Test
    void aStepSettlesAfterItsReplyOnlyWhenItsTrackGoesOnWithAnotherStepOfItsOwn() {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .step("B", "b0")
                .step("A", "a1")
                .section("L", at("A", "s0"), at("A", "s1"))
                .step("A", "a2")
                .barrier()
                .step("A", "a3")
                .step("B", "b1")
                .step("B", "b2")
                .build();
        FakeDevices fake = new FakeDevices();
        assertThat(Runs.run(plan, fake).status()).isEqualTo(RunStatus.PASSED);
        // a0 goes on with a1 (B's step between them is another track's), b1 with b2
        for (String s : new String[] {"a0", "b1"}) assertThat(fake.settledAfterReply(s)).as(s).isTrue();
        // before a section or a barrier (b0 meets it next), inside a section, and at a track's end,
        // the screen settles first
        for (String s : new String[] {"a1", "s0", "s1", "a2", "b0", "a3", "b2"}) assertThat(fake.settledAfterReply(s)).as(s).isFalse();
    }

    @Test
    void everyStepRecordCarriesItsPlanIndexAndTrackIndex() {
        RunResult result = Runs.run(mixed(), new FakeDevices());

        assertThat(result.steps())
                .extracting(StepRecord::label, StepRecord::planStep, StepRecord::trackStep, StepRecord::device,
                        StepRecord::status)
                .containsExactlyInAnyOrder(
                        tuple("a0", 0, 0, "A", StepStatus.PASSED),
                        tuple("b0", 1, 0, "B", StepStatus.PASSED),
                        tuple("s0", 2, 1, "A", StepStatus.PASSED), // section steps carry the section's plan index
                        tuple("s1", 2, 1, "B", StepStatus.PASSED),
                        tuple("s2", 2, 2, "A", StepStatus.PASSED), // track index counts the track's section steps
                        tuple("c0", 3, 0, "C", StepStatus.PASSED),
                        tuple("a1", 5, 3, "A", StepStatus.PASSED),
                        tuple("b1", 6, 2, "B", StepStatus.PASSED));
        assertThat(result.devices()).containsOnlyKeys("A", "B", "C");
        assertThat(result.devices().get("A").steps()).isEqualTo(new DeviceResult.Steps(4, 4));
        assertThat(result.devices().get("B").steps()).isEqualTo(new DeviceResult.Steps(3, 3));
        assertThat(result.devices().get("C").steps()).isEqualTo(new DeviceResult.Steps(1, 1));
        assertThat(result.devices().get("A").device()).isEqualTo("dev-A");
        assertThat(result.rootCause()).isNull();
    }

    @Test
    void startStepSkipsEarlierStepsOnEveryTrackAndTotalsCountOnlyWhatRuns() {
        FakeDevices fake = new FakeDevices();
        RunResult result = Runs.run(Runs.executor(mixed(), fake, Runs.options(AbortStrategy.IMMEDIATE, 3)));

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.deviceEvents()).allSatisfy(e -> assertThat(e.planIndex()).isGreaterThanOrEqualTo(3));
        assertThat(result.steps()).extracting(StepRecord::label, StepRecord::planStep, StepRecord::trackStep)
                .containsExactlyInAnyOrder(tuple("c0", 3, 0), tuple("a1", 5, 3), tuple("b1", 6, 2));
        assertThat(result.devices().get("A").steps()).isEqualTo(new DeviceResult.Steps(1, 1));
        assertThat(result.devices().get("B").steps()).isEqualTo(new DeviceResult.Steps(1, 1));
        assertThat(result.devices().get("C").steps()).isEqualTo(new DeviceResult.Steps(1, 1));
    }

    @Test
    void startStepAtASectionRunsTheWholeSection() {
        FakeDevices fake = new FakeDevices();
        RunResult result = Runs.run(Runs.executor(mixed(), fake, Runs.options(AbortStrategy.IMMEDIATE, 2)));

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.startedOn("A")).containsExactly("s0", "s2", "a1");
        assertThat(fake.startedOn("B")).containsExactly("s1", "b1");
        assertThat(result.devices().get("A").steps()).isEqualTo(new DeviceResult.Steps(3, 3));
    }

    @Test
    void startStepPastTheEndRunsNothingAndPasses() {
        FakeDevices fake = new FakeDevices();
        RunResult result = Runs.run(Runs.executor(mixed(), fake, Runs.options(AbortStrategy.IMMEDIATE, 99)));

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.deviceEvents()).isEmpty();
        assertThat(result.devices().values()).allSatisfy(d -> assertThat(d.steps()).isEqualTo(new DeviceResult.Steps(0, 0)));
    }

    @Test
    void singleDevicePlanRunsSequentiallyOnTheImplicitTrack() {
        Plan plan = PlanBuilder.singleDevice()
                .step(null, "one")
                .step(null, "two")
                .step(null, "three")
                .build();
        FakeDevices fake = new FakeDevices().takes("one", 3);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(result.devices()).containsOnlyKeys(Plan.SINGLE_DEVICE_LABEL);
        assertThat(fake.startedOn(Plan.SINGLE_DEVICE_LABEL)).containsExactly("one", "two", "three");
        assertThat(record(result, "three").trackStep()).isEqualTo(2);
        Runs.assertNoViolations(fake);
    }

    @Test
    void singleDevicePlanRunsItsCriticalSectionSteps() {
        Plan plan = PlanBuilder.singleDevice()
                .step(null, "before")
                .section("L", at(null, "in0"), at(null, "in1"))
                .step(null, "after")
                .build();
        FakeDevices fake = new FakeDevices();
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.startedOn(Plan.SINGLE_DEVICE_LABEL)).containsExactly("before", "in0", "in1", "after");
        assertThat(result.steps()).extracting(StepRecord::label, StepRecord::planStep, StepRecord::trackStep)
                .containsExactlyInAnyOrder(tuple("before", 0, 0), tuple("in0", 1, 1), tuple("in1", 1, 2),
                        tuple("after", 2, 3));
    }

    @Test
    void stepRecordsAreOrderedByStartTime() {
        FakeDevices fake = new FakeDevices().takes("a0", 5);
        RunResult result = Runs.run(mixed(), fake);

        assertThat(result.steps()).extracting(StepRecord::startMs).isSorted();
        assertThat(result.durationMs()).isGreaterThanOrEqualTo(0);
    }
}
