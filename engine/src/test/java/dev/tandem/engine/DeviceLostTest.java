package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.Json;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A device lost outside any step (its runner died and its state with it, issue 11.1) fails its own
 * track with that error wherever it is, and releases its peers like any device failure.
 */
class DeviceLostTest {
    private static final ErrorInfo RESET = new ErrorInfo(ErrorCode.DEVICE_RESET, "device dev-A was reset (test)");

    private static Predicate<List<FakeDevices.Event>> waiting(String device) {
        return events -> events.stream().anyMatch(e -> e.kind() == FakeDevices.Kind.WAITING && e.device().equals(device));
    }

    private static Predicate<List<FakeDevices.Event>> begun(String step) {
        return events -> events.stream().anyMatch(e -> e.kind() == FakeDevices.Kind.BEGIN && e.step().equals(step));
    }

    private static RunResult lose(Plan plan, FakeDevices fake, AbortStrategy strategy, Predicate<List<FakeDevices.Event>> when)
            throws Exception {
        PlanExecutor executor = Runs.executor(plan, fake, Runs.options(strategy, 0));
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> Runs.run(executor));
        assertThat(fake.await(when, Duration.ofSeconds(5))).as("the run reached the point").isTrue();
        executor.deviceLost("A", RESET);
        return result.get();
    }

    @Test
    void aDeviceLostDuringItsWaitFailsAtOnceAndReleasesItsPeerAtTheBarrier() throws Exception {
        for (AbortStrategy strategy : AbortStrategy.values()) {
            Plan plan = PlanBuilder.devices("A", "B")
                    .step("A", "a0")
                    .waitStep("A", "aWait", 60_000)
                    .barrier()
                    .step("B", "b1")
                    .step("A", "a2")
                    .build();
            FakeDevices fake = new FakeDevices();
            RunResult r = lose(plan, fake, strategy, begun("aWait").and(waiting("B")));
            assertThat(r.status()).as(strategy.toString()).isEqualTo(RunStatus.ERROR);
            assertThat(r.rootCause().device()).isEqualTo("A");
            assertThat(r.devices().get("A").status()).isEqualTo(DeviceStatus.FAILED);
            assertThat(r.devices().get("A").failure().code()).isEqualTo(ErrorCode.DEVICE_RESET);
            assertThat(r.devices().get("A").failure().planStep()).isEqualTo(1);
            assertThat(r.devices().get("B").failure().code()).isEqualTo(ErrorCode.PEER_FAILED);
            assertThat(r.devices().get("B").failure().message()).contains("DEVICE_RESET");
            assertThat(fake.ran("b1")).isFalse();
            assertThat(fake.ran("a2")).isFalse();
        }
    }

    @Test
    void aDeviceLostWhileWaitingAtABarrierFailsThereItself() throws Exception {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .waitStep("B", "bWait", 60_000)
                .barrier()
                .step("A", "a1")
                .build();
        FakeDevices fake = new FakeDevices();
        RunResult r = lose(plan, fake, AbortStrategy.IMMEDIATE, waiting("A"));
        assertThat(r.status()).isEqualTo(RunStatus.ERROR);
        assertThat(r.devices().get("A").failure().code()).isEqualTo(ErrorCode.DEVICE_RESET);
        assertThat(r.devices().get("A").status()).isEqualTo(DeviceStatus.FAILED);
        assertThat(r.rootCause().device()).isEqualTo("A");
        assertThat(fake.ran("a1")).isFalse();
    }

    @Test
    void aDeviceLostWhileAStepRunsNeverRunsItsNextStep() throws Exception {
        Plan plan = PlanBuilder.singleDevice()
                .step(null, "s0")
                .step(null, "s1")
                .build();
        String label = plan.labels().getFirst();
        AtomicBoolean lost = new AtomicBoolean();
        FakeDevices fake = new FakeDevices().behave("s0", new FakeDevices.Behaviour(0, null, events -> lost.get()));
        PlanExecutor executor = Runs.executor(plan, fake, Runs.options(AbortStrategy.IMMEDIATE, 0));
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> Runs.run(executor));
        assertThat(fake.await(FakeDevices.started("s0"), Duration.ofSeconds(5))).isTrue();
        executor.deviceLost(label, RESET);
        lost.set(true);
        // any log entry wakes s0 to see the flag: a cancel of an id nobody runs
        ToolStep s1 = (ToolStep) plan.steps().get(1);
        fake.channels(plan.labels()).get(label).cancel(new StepCall("nobody", label, s1, Json.object(), 1_000));
        RunResult r = result.get();
        assertThat(r.status()).isEqualTo(RunStatus.ERROR);
        assertThat(r.devices().get(label).failure().code()).isEqualTo(ErrorCode.DEVICE_RESET);
        assertThat(r.devices().get(label).failure().planStep()).isEqualTo(1);
        assertThat(r.devices().get(label).steps().run()).isEqualTo(1);
        assertThat(fake.ran("s1")).isFalse();
    }

    @Test
    void aDeviceLostBeforeItsFirstStepRunsNothing() throws Exception {
        Plan plan = PlanBuilder.singleDevice().step(null, "s0").build();
        FakeDevices fake = new FakeDevices();
        PlanExecutor executor = Runs.executor(plan, fake, Runs.options(AbortStrategy.IMMEDIATE, 0));
        executor.deviceLost(plan.labels().getFirst(), RESET);
        RunResult r = Runs.run(executor);
        assertThat(r.status()).isEqualTo(RunStatus.ERROR);
        assertThat(fake.ran("s0")).isFalse();
    }

    @Test
    void aDeviceLostAfterItsLastStepChangesNothing() throws Exception {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .waitStep("B", "bWait", 200)
                .build();
        FakeDevices fake = new FakeDevices();
        PlanExecutor executor = Runs.executor(plan, fake, Runs.options(AbortStrategy.IMMEDIATE, 0));
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> Runs.run(executor));
        assertThat(fake.await(events -> events.stream().anyMatch(e -> e.kind() == FakeDevices.Kind.DONE
                && e.device().equals("A")), Duration.ofSeconds(5))).isTrue();
        executor.deviceLost("A", RESET);
        assertThat(result.get().status()).isEqualTo(RunStatus.PASSED);
    }
}
