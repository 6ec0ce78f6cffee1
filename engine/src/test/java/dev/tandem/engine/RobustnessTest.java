package dev.tandem.engine;

import static dev.tandem.engine.PlanBuilder.at;
import static dev.tandem.engine.Runs.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Tool;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Odd but legal plans, and bugs around the engine (listener, channel) that must not hang a run. */
class RobustnessTest {

    @Test
    void aListenerThatThrowsFailsItsTrackWithAnInternalErrorInsteadOfHangingPeers() {
        Plan plan = PlanBuilder.devices("A", "B")
                .section("L", at("A", "s0"), at("B", "s1"))
                .build();
        FakeDevices fake = new FakeDevices();
        RunListener broken = new RunListener() {
            @Override
            public void stepStarted(String label, int planStep, int trackStep, String tool, String stepLabel) {
                if (stepLabel.equals("s0")) throw new IllegalStateException("listener bug");
            }
        };
        PlanExecutor executor = new PlanExecutor(plan, fake.channels(plan.labels()), Map.of(),
                Runs.options(AbortStrategy.IMMEDIATE, 0), broken);
        RunResult result = Runs.run(executor);

        assertThat(result.status()).isEqualTo(RunStatus.ERROR);
        assertThat(result.rootCause().device()).isEqualTo("A");
        assertThat(result.rootCause().failure().code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(result.rootCause().failure().message()).contains("listener bug");
        assertThat(result.devices().get("B").failure().code()).isEqualTo(ErrorCode.PEER_FAILED);
        assertThat(result.devices().get("B").device()).isEqualTo("B"); // no id given: the label stands in
    }

    @Test
    void aWaitInsideASectionRunsInTurn() {
        Plan plan = PlanBuilder.devices("A", "B")
                .section("L", new PlanBuilder.Nested("A", "w", false, Tool.WAIT, 20), at("B", "s1"))
                .build();
        FakeDevices fake = new FakeDevices();
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(record(result, "w").durationMs()).isGreaterThanOrEqualTo(20);
        // s1 begins only after the wait's 20 ms are over
        assertThat(record(result, "s1").startMs()).isGreaterThanOrEqualTo(record(result, "w").startMs() + 20);
        assertThat(fake.startedOn("A")).isEmpty();
    }

    @Test
    void anAbortFromOutsideDuringASectionReleasesItsParticipants() throws Exception {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .section("L", at("A", "s0"), at("B", "s1"))
                .step("C", "c0")
                .build();
        FakeDevices fake = new FakeDevices().takes("s0", 60_000).takes("c0", 60_000);
        PlanExecutor executor = Runs.executor(plan, fake, Runs.options(AbortStrategy.FINISH_CURRENT_STEP, 0));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<RunResult> run = pool.submit(executor::run);
            assertThat(fake.await(FakeDevices.started("s0").and(FakeDevices.started("c0")), Runs.HANG_GUARD)).isTrue();
            executor.abort("stop");
            RunResult result = run.get(Runs.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
            assertThat(record(result, "s0").status()).isEqualTo(StepStatus.CANCELLED);
            assertThat(record(result, "c0").status()).isEqualTo(StepStatus.CANCELLED);
            assertThat(fake.ran("s1")).isFalse();
            assertThat(result.devices().values()).extracting(DeviceResult::status).containsOnly(DeviceStatus.ABORTED);
        }
    }

    @Test
    void aDeviceWithNothingToDoPasses() {
        Plan plan = PlanBuilder.devices("A", "B").step("A", "a0").build();
        RunResult result = Runs.run(plan, new FakeDevices());

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(result.devices().get("B").status()).isEqualTo(DeviceStatus.PASSED);
        assertThat(result.devices().get("B").steps()).isEqualTo(new DeviceResult.Steps(0, 0));
    }

    @Test
    void aBarrierOverADeviceWithNoOtherStepsStillWaitsForIt() {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .step("A", "a0")
                .barrier("A", "C")
                .step("C", "c1")
                .build();
        FakeDevices fake = new FakeDevices().takes("a0", 20);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.start("c1").seq()).isGreaterThan(fake.end("a0").seq());
    }

    @Test
    void theChannelReceivesItsOwnCopyOfTheParams() {
        Plan plan = PlanBuilder.devices("A").step("A", "a0").build();
        DeviceChannel tampering = new DeviceChannel() {
            @Override
            public com.fasterxml.jackson.databind.JsonNode execute(StepCall call) {
                call.params().put("injected", true);
                return call.params();
            }

            @Override
            public void cancel(StepCall call) {}
        };
        PlanExecutor executor = new PlanExecutor(plan, Map.of("A", tampering), Map.of("A", "sim-1"),
                Runs.options(AbortStrategy.IMMEDIATE, 0), RunListener.NONE);
        RunResult result = Runs.run(executor);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(((dev.tandem.plan.ToolStep) plan.steps().get(0)).params().has("injected")).isFalse();
    }
}
