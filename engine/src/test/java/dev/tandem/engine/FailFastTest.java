package dev.tandem.engine;

import static dev.tandem.engine.PlanBuilder.at;
import static dev.tandem.engine.Runs.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Tool;
import org.junit.jupiter.api.Test;

/**
 * A failing device releases peers waiting at sync points at once (rendezvous timeouts here are
 * 60 s; the hang guard is 10 s), and the run's root cause is the first real failure.
 */
class FailFastTest {

    @Test
    void aPeerWaitingAtABarrierFailsAtOnceNamingTheFailedDeviceAndStep() {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .step("A", "a1")
                .barrier()
                .step("B", "b1")
                .build();
        FakeDevices fake = new FakeDevices().worksUntilWaiting("a1", "B", ErrorCode.ELEMENT_NOT_FOUND);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        Failure b = result.devices().get("B").failure();
        assertThat(b.code()).isEqualTo(ErrorCode.PEER_FAILED);
        assertThat(b.tool()).isEqualTo(Tool.BARRIER.wireName());
        assertThat(b.planStep()).isEqualTo(2);
        assertThat(b.message()).contains("device A").contains("plan step 1").contains("tapOn")
                .contains("ELEMENT_NOT_FOUND");
        assertThat(result.devices().get("B").status()).isEqualTo(DeviceStatus.ABORTED);
        assertThat(fake.ran("b1")).isFalse();
    }

    @Test
    void aPeerWaitingAtACriticalSectionFailsAtOnce() {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .section("L", at("B", "s0"), at("A", "s1"))
                .build();
        FakeDevices fake = new FakeDevices().worksUntilWaiting("a0", "B", ErrorCode.ASSERTION_FAILED);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        Failure b = result.devices().get("B").failure();
        assertThat(b.code()).isEqualTo(ErrorCode.PEER_FAILED);
        assertThat(b.tool()).isEqualTo(Tool.CRITICAL_SECTION.wireName());
        assertThat(b.message()).contains("device A").contains("plan step 0");
        assertThat(fake.ran("s0")).isFalse();
    }

    @Test
    void aPeerWaitingForItsTurnInsideASectionFailsAtOnce() {
        Plan plan = PlanBuilder.devices("A", "B")
                .section("L", at("A", "s0"), at("B", "s1"))
                .build();
        FakeDevices fake = new FakeDevices().failsAfter("s0", 20, ErrorCode.ELEMENT_NOT_FOUND);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.devices().get("B").failure().code()).isEqualTo(ErrorCode.PEER_FAILED);
        assertThat(fake.ran("s1")).isFalse();
    }

    @Test
    void rootCauseIsTheFirstRealFailureNotItsConsequences() {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .step("C", "c0")
                .step("A", "a0")
                .barrier("A", "B")
                .build();
        // A fails once B waits at the barrier; C's long step is in flight and gets cancelled
        FakeDevices fake = new FakeDevices()
                .takes("c0", 60_000)
                .behave("a0", new FakeDevices.Behaviour(0, ErrorCode.ELEMENT_NOT_FOUND, events ->
                        events.stream().anyMatch(e -> e.kind() == FakeDevices.Kind.WAITING && e.device().equals("B"))
                                && events.stream().anyMatch(e -> e.kind() == FakeDevices.Kind.START && e.step().equals("c0"))));
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.rootCause().device()).isEqualTo("A");
        assertThat(result.rootCause().failure().code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND);
        assertThat(result.rootCause().failure().planStep()).isEqualTo(1);
        assertThat(result.devices().get("A").status()).isEqualTo(DeviceStatus.FAILED);
        assertThat(result.devices().get("B").status()).isEqualTo(DeviceStatus.ABORTED);
        assertThat(result.devices().get("C").status()).isEqualTo(DeviceStatus.ABORTED);
        assertThat(record(result, "c0").status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(result.steps()).filteredOn(s -> s.status() == StepStatus.FAILED).hasSize(1);
    }

    @Test
    void aLaterRealFailureOfAPeerFinishingItsStepIsNotTheRootCause() {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .step("B", "b0")
                .build();
        // b0 fails only after A's track has finished (failed): the root cause stays A
        FakeDevices fake = new FakeDevices()
                .worksUntilStarted("a0", "b0", ErrorCode.ELEMENT_NOT_FOUND)
                .worksUntilDone("b0", "A", ErrorCode.ASSERTION_FAILED);
        RunResult result = Runs.run(plan, fake, AbortStrategy.FINISH_CURRENT_STEP);

        assertThat(result.rootCause().device()).isEqualTo("A");
        assertThat(result.rootCause().failure().code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND);
        assertThat(record(result, "b0").status()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void aConsequenceCodeReportedByADeviceDoesNotHideALaterRealFailure() {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .step("B", "b0")
                .build();
        // B's device reports CANCELLED on its own (nobody cancelled it); A's real failure follows
        FakeDevices fake = new FakeDevices()
                .worksUntilStarted("b0", "a0", ErrorCode.CANCELLED)
                .worksUntilDone("a0", "B", ErrorCode.ELEMENT_NOT_FOUND);
        RunResult result = Runs.run(plan, fake, AbortStrategy.FINISH_CURRENT_STEP);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.rootCause().device()).isEqualTo("A");
        assertThat(result.rootCause().failure().code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND);
    }

    @Test
    void aPeerThatNeverArrivesMakesTheWaiterFailWithRendezvousTimeoutNamingWhereItIs() {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .step("B", "b1")
                .barrierWithTimeout(150)
                .build();
        // A reaches the barrier only once B's long step is under way
        FakeDevices fake = new FakeDevices().worksUntilStarted("a0", "b1", null).takes("b1", 60_000);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.rootCause().device()).isEqualTo("A");
        Failure a = result.rootCause().failure();
        assertThat(a.code()).isEqualTo(ErrorCode.RENDEZVOUS_TIMEOUT);
        assertThat(a.planStep()).isEqualTo(2);
        assertThat(a.tool()).isEqualTo(Tool.BARRIER.wireName());
        assertThat(a.message()).contains("150 ms").contains("B (at plan step 1, tapOn)");
        // the late device's step is cancelled (immediate abort), so the run ends at once
        assertThat(record(result, "b1").status()).isEqualTo(StepStatus.CANCELLED);
    }

    @Test
    void aSectionRendezvousTimesOutNamingTheMissingParticipant() {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .step("C", "c0")
                .step("A", "a1")
                .barrier("B", "C")
                .sectionWithTimeout("L", 150, at("A", "s0"), at("B", "s1"))
                .build();
        // B waits at a barrier for C's long step; A reaches the section once B is waiting there
        FakeDevices fake = new FakeDevices().takes("c0", 60_000).worksUntilWaiting("a1", "B", null);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.rootCause().device()).isEqualTo("A");
        assertThat(result.rootCause().failure().code()).isEqualTo(ErrorCode.RENDEZVOUS_TIMEOUT);
        assertThat(result.rootCause().failure().message()).contains("critical section 'L'")
                .contains("B (at plan step 2, barrier)");
        assertThat(result.devices().get("B").failure().code()).isEqualTo(ErrorCode.PEER_FAILED);
    }

    @Test
    void aBrokenChannelFailsItsTrackWithAnInternalErrorAndReleasesPeers() {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .barrier()
                .build();
        FakeDevices fake = new FakeDevices().crashes("a0");
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.ERROR);
        assertThat(result.rootCause().device()).isEqualTo("A");
        assertThat(result.rootCause().failure().code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(result.devices().get("A")).isNotNull();
        assertThat(result.devices().get("B").failure().code()).isEqualTo(ErrorCode.PEER_FAILED);
    }
}
