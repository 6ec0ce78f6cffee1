package dev.tandem.engine;

import static dev.tandem.engine.Runs.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A run's status: passed, failed, error (exit-3 root cause), aborted (stopped from outside). */
class RunStatusTest {

    private static Plan twoDevices() {
        return PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .step("B", "b0")
                .barrier()
                .step("A", "a1")
                .build();
    }

    @Test
    void passed() {
        RunResult result = Runs.run(twoDevices(), new FakeDevices());

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(result.rootCause()).isNull();
        assertThat(result.devices().values()).extracting(d -> d.status()).containsOnly(DeviceStatus.PASSED);
        assertThat(result.runId()).startsWith("run");
        assertThat(result.plan()).isEqualTo("test plan");
    }

    @Test
    void failed() {
        RunResult result = Runs.run(twoDevices(), new FakeDevices().fails("a1", ErrorCode.ASSERTION_FAILED));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.rootCause().failure().code().exitCode()).isEqualTo(1);
    }

    @Test
    void anInfrastructureRootCauseMakesTheRunAnError() {
        RunResult result = Runs.run(twoDevices(), new FakeDevices().fails("b0", ErrorCode.OUTCOME_UNKNOWN));

        assertThat(result.status()).isEqualTo(RunStatus.ERROR);
        assertThat(result.rootCause().device()).isEqualTo("B");
        assertThat(result.rootCause().failure().code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(AbortStrategy.class)
    void abortFromOutsideCancelsCommandsInFlightAndReleasesWaiters(AbortStrategy strategy) throws Exception {
        Plan plan = PlanBuilder.devices("A", "B").step("A", "a0").barrier().step("B", "b1").build();
        FakeDevices fake = new FakeDevices().takes("a0", 60_000);
        PlanExecutor executor = Runs.executor(plan, fake, Runs.options(strategy, 0));

        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<RunResult> run = pool.submit(executor::run);
            assertThat(fake.await(FakeDevices.started("a0"), Runs.HANG_GUARD)).isTrue();
            executor.abort("the user pressed Ctrl-C");
            RunResult result = run.get(Runs.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
            assertThat(result.rootCause()).isNull();
            assertThat(fake.sawCancel("a0")).isTrue();
            assertThat(record(result, "a0").status()).isEqualTo(StepStatus.CANCELLED);
            assertThat(result.devices().get("B").status()).isEqualTo(DeviceStatus.ABORTED);
            assertThat(result.devices().get("B").failure().code()).isEqualTo(ErrorCode.ABORTED);
            assertThat(result.devices().get("B").failure().message()).contains("the user pressed Ctrl-C");
            assertThat(fake.ran("b1")).isFalse();
        }
    }

    @Test
    void abortBeforeTheRunStartsRunsNothing() {
        FakeDevices fake = new FakeDevices();
        PlanExecutor executor = Runs.executor(twoDevices(), fake, Runs.options(AbortStrategy.IMMEDIATE, 0));
        executor.abort("cancelled before start");
        RunResult result = Runs.run(executor);

        assertThat(result.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(fake.events()).noneMatch(e -> e.kind() == FakeDevices.Kind.START);
        assertThat(result.devices().values()).extracting(d -> d.status()).containsOnly(DeviceStatus.ABORTED);
    }

    @Test
    void abortAfterTheRunEndedChangesNothing() {
        PlanExecutor executor = Runs.executor(twoDevices(), new FakeDevices(), Runs.options(AbortStrategy.IMMEDIATE, 0));
        RunResult result = Runs.run(executor);
        executor.abort("too late");

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
    }

    @Test
    void anExecutorRunsOnce() {
        PlanExecutor executor = Runs.executor(twoDevices(), new FakeDevices(), Runs.options(AbortStrategy.IMMEDIATE, 0));
        Runs.run(executor);

        assertThatThrownBy(executor::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
    }

    @Test
    void aMissingChannelIsRejectedUpFront() {
        assertThatThrownBy(() -> new PlanExecutor(twoDevices(), Map.of("A", new FakeDevices().channel("A")), Map.of(),
                Runs.options(AbortStrategy.IMMEDIATE, 0), RunListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B");
    }

    @Test
    void aStepOnAnUndeclaredDeviceIsRejectedUpFront() {
        Plan plan = PlanBuilder.devices("A").step("A", "a0").step("Z", "z0").build();
        FakeDevices fake = new FakeDevices();

        assertThatThrownBy(() -> Runs.executor(plan, fake, Runs.options(AbortStrategy.IMMEDIATE, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Z").hasMessageContaining("plan step 1");
    }

    @Test
    void aBarrierNamingAnUndeclaredDeviceIsRejectedUpFront() {
        Plan plan = PlanBuilder.devices("A").step("A", "a0").rawBarrier(List.of("A", "Q")).build();

        assertThatThrownBy(() -> Runs.executor(plan, new FakeDevices(), Runs.options(AbortStrategy.IMMEDIATE, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Q");
    }
}
