package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.engine.FakeDevices.Event;
import dev.tandem.engine.FakeDevices.Kind;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepStatus;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * An abort from outside at a random moment of a random run (racing with commands being begun):
 * the run always ends, no command runs after the abort returned, nothing counts as a failure.
 */
class AbortRacePropertiesTest {

    @Property(tries = 100)
    void anAbortAtAnyMomentStopsTheRunCleanly(@ForAll("plans") Scenario scenario,
            @ForAll @IntRange(min = 0, max = 30) int afterEvents) throws Exception {
        FakeDevices fake = scenario.fake();
        PlanExecutor executor = Runs.executor(scenario.plan(), fake, Runs.options(scenario.strategy(), 0));
        RunResult result;
        int abortedAt;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<RunResult> run = pool.submit(executor::run);
            int devices = scenario.devices();
            fake.await(events -> events.size() >= afterEvents
                    || events.stream().filter(e -> e.kind() == Kind.DONE).count() == devices, Runs.HANG_GUARD);
            executor.abort("stopped by the test");
            abortedAt = fake.events().size();
            result = run.get(Runs.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
        }
        List<Event> log = fake.events();

        Runs.assertNoViolations(fake);
        for (Event start : log.subList(abortedAt, log.size())) {
            if (start.kind() != Kind.START) continue;
            Event end = log.stream().filter(e -> e.kind() == Kind.END && e.step().equals(start.step())).findFirst()
                    .orElseThrow();
            assertThat(end.outcome()).as("%s started after the abort returned", start.step()).isEqualTo("CANCELLED");
        }
        assertThat(result.rootCause()).isNull();
        assertThat(result.steps()).noneMatch(s -> s.status() == StepStatus.FAILED || s.status() == StepStatus.WARNED);
        boolean allPassed = result.devices().values().stream().allMatch(d -> d.status() == DeviceStatus.PASSED);
        assertThat(result.status()).isEqualTo(allPassed ? RunStatus.PASSED : RunStatus.ABORTED);
        assertThat(result.devices().values()).extracting(DeviceResult::status)
                .doesNotContain(DeviceStatus.FAILED);
        RunInvariants.tracksKeepPlanOrder(fake.deviceEvents(), scenario.labels());
        RunInvariants.sectionsAreExclusiveAndOrdered(fake.deviceEvents(), scenario);
        RunInvariants.barriersHold(fake.deviceEvents(), scenario);
        // the generator must keep exercising real aborts, not only runs that ended first
        Statistics.label("status").collect(result.status())
                .coverage(c -> c.check(RunStatus.ABORTED).percentage(p -> p >= 30));
        Statistics.label("cancelled a command").collect(log.stream().anyMatch(e -> e.kind() == Kind.CANCEL))
                .coverage(c -> c.check(true).percentage(p -> p >= 10));
    }

    /** Random plans without an injected failure. */
    @Provide
    Arbitrary<Scenario> plans() {
        return new PlanExecutorPropertiesTest().scenarios()
                .map(s -> new Scenario(s.devices(), s.items(), s.strategy(), null, 0));
    }
}
