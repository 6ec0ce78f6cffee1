package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.engine.FakeDevices.Event;
import dev.tandem.engine.FakeDevices.Kind;
import dev.tandem.engine.Scenario.Built;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random valid plans on fake devices: whatever the plan, the strategy and the failure, every run
 * ends (hang guard), tracks keep plan order, sections are exclusive and ordered, barriers hold,
 * and a run without failure runs every step exactly once.
 */
class PlanExecutorPropertiesTest {

    @Property(tries = 200)
    void everyRunKeepsTheEngineInvariants(@ForAll("scenarios") Scenario scenario) {
        Plan plan = scenario.plan();
        FakeDevices fake = scenario.fake();
        RunResult result = Runs.run(Runs.executor(plan, fake, Runs.options(scenario.strategy(), scenario.startStep())));
        List<Event> log = fake.deviceEvents();
        Map<String, Built> steps = scenario.toolSteps().stream()
                .collect(Collectors.toMap(Built::label, Function.identity()));

        Runs.assertNoViolations(fake);
        assertThat(log.stream().filter(e -> e.kind() == Kind.START).map(Event::step)).as("no step runs twice")
                .doesNotHaveDuplicates();
        assertThat(log).as("no step before the start step")
                .allSatisfy(e -> assertThat(e.planIndex()).isGreaterThanOrEqualTo(scenario.startStep()));
        RunInvariants.tracksKeepPlanOrder(log, scenario.labels());
        RunInvariants.sectionsAreExclusiveAndOrdered(log, scenario);
        RunInvariants.barriersHold(log, scenario);
        bookkeepingMatches(result, scenario);

        Built faulty = scenario.faultyThatRuns();
        String outcome = faulty == null ? "no failure" : scenario.fault().optional() ? "optional failure" : "failure";
        Statistics.label("outcome").collect(outcome)
                .coverage(c -> {
                    c.check("failure").percentage(p -> p >= 15);
                    c.check("optional failure").percentage(p -> p >= 5);
                    c.check("no failure").percentage(p -> p >= 15);
                });
        Statistics.label("has a section").collect(scenario.items().stream().anyMatch(i -> i instanceof Scenario.Section))
                .coverage(c -> c.check(true).percentage(p -> p >= 40));
        if (faulty == null || scenario.fault().optional()) {
            assertThat(result.status()).as("status").isEqualTo(RunStatus.PASSED);
            assertThat(result.rootCause()).isNull();
            List<String> expected = steps.values().stream().filter(s -> s.planIndex() >= scenario.startStep())
                    .map(Built::label).toList();
            assertThat(log.stream().filter(e -> e.kind() == Kind.START).map(Event::step)).as("every step ran once")
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(result.devices().values()).extracting(DeviceResult::status).containsOnly(DeviceStatus.PASSED);
            if (faulty != null) assertThat(Runs.record(result, faulty.label()).status()).isEqualTo(StepStatus.WARNED);
        } else {
            ErrorCode code = scenario.fault().code();
            assertThat(result.status()).as("status").isEqualTo(code.exitCode() == 3 ? RunStatus.ERROR : RunStatus.FAILED);
            assertThat(result.rootCause().device()).isEqualTo(faulty.device());
            assertThat(result.rootCause().failure().planStep()).isEqualTo(faulty.planIndex());
            assertThat(result.rootCause().failure().code()).isEqualTo(code);
            assertThat(result.steps()).filteredOn(r -> r.status() == StepStatus.FAILED).extracting(StepRecord::label)
                    .containsExactly(faulty.label());
            assertThat(result.devices().get(faulty.device()).status()).isEqualTo(DeviceStatus.FAILED);
            assertThat(result.devices()).allSatisfy((label, d) -> {
                if (!label.equals(faulty.device())) assertThat(d.status()).isIn(DeviceStatus.PASSED, DeviceStatus.ABORTED);
            });
            if (scenario.strategy() == AbortStrategy.FINISH_CURRENT_STEP) {
                assertThat(log).as("finish-current-step cancels nothing").noneMatch(e -> e.kind() == Kind.CANCEL);
                assertThat(result.steps()).noneMatch(r -> r.status() == StepStatus.CANCELLED);
            }
        }
    }

    /** Results agree with what the devices saw: each track's counts and every record's indices. */
    private static void bookkeepingMatches(RunResult result, Scenario scenario) {
        Map<String, Built> byLabel = scenario.toolSteps().stream().collect(Collectors.toMap(Built::label, Function.identity()));
        for (StepRecord r : result.steps()) {
            Built b = byLabel.get(r.label());
            assertThat(r.device()).isEqualTo(b.device());
            assertThat(r.planStep()).isEqualTo(b.planIndex());
            long earlier = scenario.toolSteps().stream().filter(s -> s.device().equals(b.device()))
                    .takeWhile(s -> !s.label().equals(b.label())).count();
            assertThat(r.trackStep()).as("track index of %s", r.label()).isEqualTo((int) earlier);
        }
        for (String label : scenario.labels()) {
            DeviceResult d = result.devices().get(label);
            long total = scenario.toolSteps().stream()
                    .filter(s -> s.device().equals(label) && s.planIndex() >= scenario.startStep()).count();
            assertThat(d.steps().total()).as("total of %s", label).isEqualTo((int) total);
            assertThat(d.steps().run()).as("run of %s", label)
                    .isEqualTo((int) result.steps().stream().filter(r -> r.device().equals(label)).count());
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(2, 5).flatMap(devices -> {
            Arbitrary<Scenario.Own> own = Combinators.combine(
                    Arbitraries.integers().between(0, devices - 1), Arbitraries.integers().between(0, 3))
                    .as(Scenario.Own::new);
            Arbitrary<Scenario.Item> section = Combinators.combine(
                    Arbitraries.of("L1", "L2", "L3"), own.list().ofMinSize(1).ofMaxSize(5))
                    .as(Scenario.Section::new);
            Arbitrary<Scenario.Item> barrier = Arbitraries.integers().between(0, devices - 1).set()
                    .ofMaxSize(devices).map(Scenario.Sync::new);
            Arbitrary<Scenario.Item> item = Arbitraries.frequencyOf(
                    Tuple.of(5, own.map(o -> (Scenario.Item) o)), Tuple.of(2, section), Tuple.of(1, barrier));
            Arbitrary<Scenario.Fault> fault = Combinators.combine(
                    Arbitraries.integers().between(0, 1_000),
                    Arbitraries.of(ErrorCode.ELEMENT_NOT_FOUND, ErrorCode.ASSERTION_FAILED, ErrorCode.OUTCOME_UNKNOWN),
                    Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false)))
                    .as(Scenario.Fault::new).injectNull(0.35);
            Arbitrary<Integer> startStep = Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 6)));
            return Combinators.combine(item.list().ofMinSize(1).ofMaxSize(14),
                    Arbitraries.of(AbortStrategy.class), fault, startStep)
                    .as((items, strategy, f, start) -> new Scenario(devices, items, strategy, f, start));
        });
    }
}
