package dev.tandem.engine;

import static dev.tandem.engine.PlanBuilder.at;
import static dev.tandem.engine.PlanBuilder.optionalAt;
import static dev.tandem.engine.Runs.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tandem.engine.FakeDevices.Event;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Critical sections: rendezvous, one step at a time in declared order, run-scoped named locks. */
class CriticalSectionTest {

    @Test
    void everyParticipantFinishesItsEarlierStepsBeforeTheBlockStarts() {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .step("B", "b0")
                .section("L", at("B", "s0"), at("A", "s1"))
                .build();
        FakeDevices fake = new FakeDevices().takes("a0", 30);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        // B's section step is first, yet it waits for A's slow earlier step
        assertThat(fake.start("s0").seq()).isGreaterThan(fake.end("a0").seq());
        assertThat(fake.start("s0").seq()).isGreaterThan(fake.end("b0").seq());
    }

    @Test
    void eachParticipantsPassageIsRecordedForTheReportAndNoOneElses() {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .step("A", "a0")
                .step("C", "c0")
                .section("L", at("B", "s0"), at("A", "s1"))
                .build();
        FakeDevices fake = new FakeDevices().takes("a0", 30);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.syncs()).extracting(dev.tandem.protocol.result.SyncRecord::device).containsExactlyInAnyOrder("A", "B");
        for (var s : result.syncs()) {
            assertThat(s.kind()).isEqualTo("criticalSection");
            assertThat(s.name()).isEqualTo("L");
            assertThat(s.devices()).containsExactly("B", "A");
            assertThat(s.enteredMs()).isGreaterThanOrEqualTo(s.arrivedMs());
            assertThat(s.leftMs()).isGreaterThanOrEqualTo(s.enteredMs());
        }
        var a = result.syncs().stream().filter(s -> s.device().equals("A")).findFirst().orElseThrow();
        var b = result.syncs().stream().filter(s -> s.device().equals("B")).findFirst().orElseThrow();
        // B came first and was let in only once A (slowed by a0) had arrived
        assertThat(b.arrivedMs()).isLessThanOrEqualTo(a.arrivedMs());
        assertThat(b.enteredMs()).isGreaterThanOrEqualTo(a.arrivedMs());
    }

    @Test
    void blockStepsRunOneAtATimeInDeclaredOrder() {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .section("L", at("A", "s0"), at("B", "s1"), at("A", "s2"), at("C", "s3"), at("B", "s4"))
                .build();
        FakeDevices fake = new FakeDevices().takes("s0", 10).takes("s1", 5).takes("s3", 5);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        for (int k = 0; k < 4; k++) {
            assertThat(fake.start("s" + (k + 1)).seq()).as("s%d starts after s%d ended", k + 1, k)
                    .isGreaterThan(fake.end("s" + k).seq());
        }
    }

    @Test
    void participantsLeaveTogetherSoNoNextStepInterleavesWithTheBlock() {
        Plan plan = PlanBuilder.devices("A", "B")
                .section("L", at("A", "s0"), at("B", "s1"))
                .step("A", "a1") // A's part of the block is done early; a1 still waits for s1
                .step("B", "b1")
                .build();
        FakeDevices fake = new FakeDevices().takes("s1", 30);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.start("a1").seq()).isGreaterThan(fake.end("s1").seq());
    }

    @Test
    void devicesNotInTheBlockAreNotHeld() {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .step("C", "c0")
                .section("L", at("A", "s0"), at("B", "s1"))
                .step("C", "c1")
                .build();
        // C is busy until the block starts; s0 only ends once C's next step has started:
        // the run passes only if C keeps running while the block runs
        FakeDevices fake = new FakeDevices().worksUntilStarted("c0", "s0", null).worksUntilStarted("s0", "c1", null);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        Event c1 = fake.start("c1");
        assertThat(c1.seq()).isBetween(fake.start("s0").seq(), fake.end("s0").seq());
    }

    @Test
    void aSectionOfOneDeviceRunsAndHoldsNoOneElse() {
        Plan plan = PlanBuilder.devices("A", "B")
                .section("solo", at("A", "s0"), at("A", "s1"))
                .step("B", "b0")
                .build();
        FakeDevices fake = new FakeDevices().worksUntilStarted("s0", "b0", null);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.startedOn("A")).containsExactly("s0", "s1");
        assertThat(record(result, "s1").trackStep()).isEqualTo(1);
    }

    @Test
    void sectionsSharingALockNameNeverOverlapWithinARun() {
        Plan plan = PlanBuilder.devices("A", "B", "C", "D")
                .section("L", at("A", "s0"), at("B", "s1"))
                .section("L", at("C", "t0"), at("D", "t1"))
                .build();
        FakeDevices fake = new FakeDevices().takes("s0", 15).takes("s1", 15).takes("t0", 15).takes("t1", 15);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        boolean sFirst = fake.start("s0").seq() < fake.start("t0").seq();
        if (sFirst) assertThat(fake.start("t0").seq()).isGreaterThan(fake.end("s1").seq());
        else assertThat(fake.start("s0").seq()).isGreaterThan(fake.end("t1").seq());
    }

    @Test
    void sectionsWithDifferentLockNamesMayRunAtTheSameTime() {
        Plan plan = PlanBuilder.devices("A", "B", "C", "D")
                .section("L", at("A", "s0"), at("B", "s1"))
                .section("M", at("C", "t0"), at("D", "t1"))
                .build();
        FakeDevices fake = new FakeDevices().worksUntilStarted("s0", "t0", null);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
    }

    @Test
    void twoRunsAtOnceUsingTheSameLockNameDoNotBlockEachOther() throws Exception {
        // each run's section step ends only once the other run's section step has started
        FakeDevices fake = new FakeDevices().worksUntilStarted("r1", "r2", null).worksUntilStarted("r2", "r1", null);
        Plan one = PlanBuilder.devices("A", "B").section("shared", at("A", "r1"), at("B", "r1b")).build();
        Plan two = PlanBuilder.devices("C", "D").section("shared", at("C", "r2"), at("D", "r2b")).build();
        PlanExecutor first = Runs.executor(one, fake, Runs.options(AbortStrategy.IMMEDIATE, 0));
        PlanExecutor second = Runs.executor(two, fake, Runs.options(AbortStrategy.IMMEDIATE, 0));

        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<RunResult> a = pool.submit(first::run);
            Future<RunResult> b = pool.submit(second::run);
            RunResult[] results = assertTimeoutPreemptively(Runs.HANG_GUARD, () -> new RunResult[] {
                a.get(Runs.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS),
                b.get(Runs.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)});
            assertThat(results).extracting(RunResult::status).containsExactly(RunStatus.PASSED, RunStatus.PASSED);
        }
    }

    @Test
    void anOptionalBlockStepThatFailsWarnsAndTheBlockGoesOn() {
        Plan plan = PlanBuilder.devices("A", "B")
                .section("L", optionalAt("A", "s0"), at("B", "s1"), at("A", "s2"))
                .step("A", "a1")
                .step("B", "b1")
                .build();
        FakeDevices fake = new FakeDevices().fails("s0", ErrorCode.ELEMENT_NOT_FOUND);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(record(result, "s0").status()).isEqualTo(StepStatus.WARNED);
        assertThat(record(result, "s0").error().code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND);
        assertThat(fake.startedOn("A")).containsExactly("s0", "s2", "a1");
        assertThat(fake.startedOn("B")).containsExactly("s1", "b1");
    }

    @Test
    void aFailingBlockStepStopsTheRestOfTheBlockAndNamesTheFailure() {
        Plan plan = PlanBuilder.devices("A", "B")
                .section("L", at("A", "s0"), at("B", "s1"))
                .step("B", "b1")
                .build();
        FakeDevices fake = new FakeDevices().fails("s0", ErrorCode.ASSERTION_FAILED);
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(fake.ran("s1")).isFalse();
        assertThat(fake.ran("b1")).isFalse();
        assertThat(result.rootCause().device()).isEqualTo("A");
        assertThat(result.rootCause().failure().code()).isEqualTo(ErrorCode.ASSERTION_FAILED);
        assertThat(result.devices().get("B").failure().code()).isEqualTo(ErrorCode.PEER_FAILED);
        assertThat(result.devices().get("B").failure().message()).contains("A").contains("plan step 0");
    }

    @Test
    void sameLockSectionsOfDisjointDevicesBothComplete() {
        Plan plan = PlanBuilder.devices("A", "B", "C")
                .section("L", at("A", "s0"), at("B", "s1"))
                .section("L", at("C", "t0"))
                .section("L", at("B", "u0"), at("C", "u1"))
                .build();
        FakeDevices fake = new FakeDevices();
        RunResult result = Runs.run(plan, fake);

        assertThat(result.status()).isEqualTo(RunStatus.PASSED);
        assertThat(fake.start("u0").seq()).isGreaterThan(fake.end("s1").seq()).isGreaterThan(fake.end("t0").seq());
    }
}
