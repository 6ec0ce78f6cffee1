package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Barriers: every listed device arrives before any goes on; the default is all devices. */
class BarrierTest {

    @Test
    void allDevicesArriveBeforeAnyContinues() {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .step("A", "a0")
                .step("B", "b0")
                .step("C", "c0")
                .barrier()
                .step("A", "a1")
                .step("B", "b1")
                .step("C", "c1")
                .build();
        FakeDevices fake = new FakeDevices().takes("a0", 30).takes("c0", 10);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        int lastArrival = List.of("a0", "b0", "c0").stream().mapToInt(s -> fake.end(s).seq()).max().orElseThrow();
        for (String after : List.of("a1", "b1", "c1")) {
            assertThat(fake.start(after).seq()).as(after).isGreaterThan(lastArrival);
        }
    }

    @Test
    void anEmptyDeviceListMeansAllDevices() {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .rawBarrier(List.of())
                .step("B", "b1")
                .build();
        FakeDevices fake = new FakeDevices().takes("a0", 30);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.start("b1").seq()).isGreaterThan(fake.end("a0").seq());
    }

    @Test
    void onlyListedDevicesWaitAndUnlistedOnesAreNotHeld() {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .step("A", "a0")
                .barrier("A", "B")
                .step("B", "b1")
                .step("C", "c1")
                .build();
        // A's earlier step ends only once C's step after the barrier started: C is not held
        FakeDevices fake = new FakeDevices().worksUntilStarted("a0", "c1", null);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.start("b1").seq()).isGreaterThan(fake.end("a0").seq());
        assertThat(fake.start("c1").seq()).isLessThan(fake.end("a0").seq());
    }

    @Test
    void consecutiveBarriersAreMetInPlanOrder() {
        Plan plan = PlanBuilder.devices("A", "B")
                .barrier()
                .step("A", "a0")
                .barrier()
                .barrier("A", "B")
                .step("B", "b0")
                .barrier()
                .build();
        FakeDevices fake = new FakeDevices().takes("a0", 10);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.start("b0").seq()).isGreaterThan(fake.end("a0").seq());
    }
}
