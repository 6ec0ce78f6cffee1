package dev.tandem.engine;

import static dev.tandem.engine.PlanBuilder.at;
import static dev.tandem.engine.Runs.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

/** {@code immediate} cancels the other devices' commands in flight; {@code finish-current-step} lets them complete. */
class AbortStrategyTest {

    /** A fails while B's long step b0 is in flight; b1 follows on B. */
    private static Plan plan() {
        return PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .step("B", "b0")
                .step("B", "b1")
                .build();
    }

    @Test
    void immediateCancelsTheCommandInFlightOnTheOtherDevice() {
        FakeDevices fake = new FakeDevices()
                .worksUntilStarted("a0", "b0", ErrorCode.ELEMENT_NOT_FOUND)
                .takes("b0", 60_000);
        RunResult result = Runs.run(plan(), fake, AbortStrategy.IMMEDIATE);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(fake.sawCancel("b0")).isTrue();
        assertThat(record(result, "b0").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(record(result, "b0").error().code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(fake.ran("b1")).isFalse();
        assertThat(result.devices().get("B").status()).isEqualTo(DeviceStatus.ABORTED);
        assertThat(result.rootCause().device()).isEqualTo("A");
        Runs.assertNoViolations(fake);
    }

    @Test
    void finishCurrentStepLetsTheStepInFlightCompleteThenStops() {
        FakeDevices fake = new FakeDevices()
                .worksUntilStarted("a0", "b0", ErrorCode.ELEMENT_NOT_FOUND)
                .worksUntilDone("b0", "A", null); // b0 is still running when A has already failed
        RunResult result = Runs.run(plan(), fake, AbortStrategy.FINISH_CURRENT_STEP);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(fake.sawCancel("b0")).isFalse();
        assertThat(record(result, "b0").status()).isEqualTo(StepStatus.PASSED);
        assertThat(fake.ran("b1")).isFalse();
        assertThat(result.devices().get("B").status()).isEqualTo(DeviceStatus.ABORTED);
        assertThat(result.devices().get("B").failure().code()).isEqualTo(ErrorCode.PEER_FAILED);
        assertThat(result.devices().get("B").failure().planStep()).isEqualTo(2);
        assertThat(result.devices().get("B").steps().run()).isEqualTo(1);
        assertThat(result.rootCause().device()).isEqualTo("A");
    }

    @Test
    void thePlansStrategyAppliesWhenTheRunNamesNone() {
        FakeDevices fake = new FakeDevices()
                .worksUntilStarted("a0", "b0", ErrorCode.ELEMENT_NOT_FOUND)
                .worksUntilDone("b0", "A", null);
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .step("B", "b0")
                .abortStrategy(AbortStrategy.FINISH_CURRENT_STEP)
                .build();
        RunResult result = Runs.run(Runs.executor(plan, fake, Runs.options(null, 0)));

        assertThat(record(result, "b0").status()).isEqualTo(StepStatus.PASSED);
    }

    @Test
    void withNoStrategyAnywhereTheDefaultIsImmediate() {
        FakeDevices fake = new FakeDevices()
                .worksUntilStarted("a0", "b0", ErrorCode.ELEMENT_NOT_FOUND)
                .takes("b0", 60_000);
        RunResult result = Runs.run(Runs.executor(plan(), fake, Runs.options(null, 0)));

        assertThat(RunOptions.DEFAULT_ABORT).isEqualTo(AbortStrategy.IMMEDIATE);
        assertThat(record(result, "b0").status()).isEqualTo(StepStatus.CANCELLED);
    }

    @Test
    void immediateCancelsAStepInFlightInsideASection() {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .step("C", "c0")
                .section("L", at("A", "s0"), at("B", "s1"))
                .build();
        FakeDevices fake = new FakeDevices()
                .worksUntilStarted("c0", "s0", ErrorCode.ELEMENT_NOT_FOUND)
                .takes("s0", 60_000);
        RunResult result = Runs.run(plan, fake, AbortStrategy.IMMEDIATE);

        assertThat(record(result, "s0").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(fake.ran("s1")).isFalse();
        assertThat(result.devices().get("B").failure().code()).isEqualTo(ErrorCode.PEER_FAILED);
        assertThat(result.rootCause().device()).isEqualTo("C");
    }

    @Test
    void theWaitToolRunsInTheEngine() {
        Plan plan = PlanBuilder.devices("A").waitStep("A", "w", 40).step("A", "a1").build();
        FakeDevices fake = new FakeDevices();
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.startedOn("A")).containsExactly("a1"); // the device never saw the wait
        assertThat(record(result, "w").status()).isEqualTo(StepStatus.PASSED);
        assertThat(record(result, "w").durationMs()).isGreaterThanOrEqualTo(40);
        assertThat(record(result, "w").trackStep()).isZero();
        assertThat(result.devices().get("A").steps().run()).isEqualTo(2);
    }

    @Test
    void immediateAbortCutsAWaitShort() {
        Plan plan = PlanBuilder.devices("A", "B").waitStep("A", "w", 600_000).step("A", "a1").step("B", "b0").build();
        FakeDevices fake = new FakeDevices().worksUntilBegun("b0", "w", ErrorCode.ELEMENT_NOT_FOUND);
        RunResult result = Runs.run(plan, fake, AbortStrategy.IMMEDIATE);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(record(result, "w").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(result.devices().get("A").status()).isEqualTo(DeviceStatus.ABORTED);
        assertThat(fake.ran("a1")).isFalse();
    }

    @Test
    void finishCurrentStepLetsAWaitRunOut() {
        Plan plan = PlanBuilder.devices("A", "B").waitStep("A", "w", 50).step("A", "a1").step("B", "b0").build();
        FakeDevices fake = new FakeDevices().worksUntilBegun("b0", "w", ErrorCode.ELEMENT_NOT_FOUND);
        RunResult result = Runs.run(plan, fake, AbortStrategy.FINISH_CURRENT_STEP);

        assertThat(record(result, "w").status()).isEqualTo(StepStatus.PASSED);
        assertThat(record(result, "w").durationMs()).isGreaterThanOrEqualTo(50);
        assertThat(fake.ran("a1")).isFalse();
    }

    @Test
    void anOptionalStepThatFailsWarnsAndTheTrackGoesOn() {
        Plan plan = PlanBuilder.devices("A", "B")
                .optionalStep("A", "a0")
                .step("A", "a1")
                .barrier()
                .step("B", "b1")
                .build();
        FakeDevices fake = new FakeDevices().fails("a0", ErrorCode.ELEMENT_NOT_FOUND);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(result.rootCause()).isNull();
        assertThat(record(result, "a0").status()).isEqualTo(StepStatus.WARNED);
        assertThat(record(result, "a0").error().code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND);
        assertThat(fake.ran("a1")).isTrue();
        assertThat(fake.ran("b1")).isTrue();
        assertThat(result.devices().get("A").status()).isEqualTo(DeviceStatus.PASSED);
        assertThat(result.devices().get("A").failure()).isNull();
    }

    @Test
    void anOptionalStepCancelledByAnAbortIsCancelledNotWarned() {
        Plan plan = PlanBuilder.devices("A", "B").step("A", "a0").optionalStep("B", "b0").build();
        FakeDevices fake = new FakeDevices()
                .worksUntilStarted("a0", "b0", ErrorCode.ELEMENT_NOT_FOUND)
                .takes("b0", 60_000);
        RunResult result = Runs.run(plan, fake, AbortStrategy.IMMEDIATE);

        assertThat(record(result, "b0").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(result.devices().get("B").status()).isEqualTo(DeviceStatus.ABORTED);
    }
}
