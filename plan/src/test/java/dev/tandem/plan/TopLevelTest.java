package dev.tandem.plan;

import dev.tandem.protocol.api.AbortStrategy;
import static dev.tandem.plan.Loads.briefs;
import static dev.tandem.plan.Loads.single;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Top-level keys: name, description, devices, steps, abortStrategy, startStep. */
class TopLevelTest {

    @Test
    void singleDevicePlanWithDefaults() {
        Plan plan = PlanLoader.parse("steps: [{tool: wait, ms: 5}]", "dir/smoke.test.yaml").orThrow();
        assertThat(plan.name()).isEqualTo("smoke.test");
        assertThat(plan.multiDevice()).isFalse();
        assertThat(plan.devices()).isEmpty();
        assertThat(plan.labels()).containsExactly(Plan.SINGLE_DEVICE_LABEL);
        assertThat(plan.abortStrategy()).isNull();
        assertThat(plan.startStep()).isNull();
        ToolStep s = (ToolStep) plan.steps().getFirst();
        assertThat(s.device()).isNull();
        assertThat(s.label()).isNull();
    }

    @Test
    void retriesIsAPlanKeyBetweenZeroAndTheCap() {
        assertThat(Loads.ok("retries: 2\nsteps: [{tool: wait, ms: 1}]").retries()).isEqualTo(2);
        assertThat(Loads.ok("steps: [{tool: wait, ms: 1}]").retries()).isNull();
        assertThat(PlanLoader.parse("retries: 11\nsteps: [{tool: wait, ms: 1}]", "p.yaml").errors().getFirst().message())
                .contains("retries 11 is more than " + Plan.MAX_RETRIES);
        assertThat(PlanLoader.parse("retries: -1\nsteps: [{tool: wait, ms: 1}]", "p.yaml").errors()).isNotEmpty();
    }

    @Test
    void explicitTopLevelKeys() {
        Plan plan = Loads.ok("""
                name: chat notification
                description: checks that a message arrives
                abortStrategy: finish-current-step
                startStep: 1
                steps:
                - {tool: wait, ms: 1}
                - {tool: wait, ms: 2}
                """);
        assertThat(plan.name()).isEqualTo("chat notification");
        assertThat(plan.abortStrategy()).isEqualTo(AbortStrategy.FINISH_CURRENT_STEP);
        assertThat(plan.startStep()).isEqualTo(1);
        assertThat(Loads.ok("abortStrategy: immediate\nsteps: [{tool: wait, ms: 1}]").abortStrategy())
                .isEqualTo(AbortStrategy.IMMEDIATE);
    }

    @Test
    void unknownTopLevelKeyWithSuggestion() {
        Diagnostic d = single("""
                steps: [{tool: wait, ms: 1}]
                abortStrategie: immediate
                """);
        assertThat(Loads.brief(d)).isEqualTo("2:1 unknown key 'abortStrategie' at the top level");
        assertThat(d.hint()).isEqualTo("did you mean 'abortStrategy'? allowed keys: name, description, platform, profile, "
                + "devices, steps, abortStrategy, startStep, env, tags, retries; a key whose value only defines anchors, like tap: &tap {...} or "
                + "ids: {email: &email ...}, is allowed too");
    }

    @Test
    void keysThatOnlyHoldAnchorsAreAllowedButAliasesAreNot() {
        Loads.ok("""
                common: &common {tool: wait}
                delay: &delay 5
                steps: [{<<: *common, ms: *delay}]
                """);
        assertThat(Loads.brief(single("""
                common: &common {tool: wait, ms: 1}
                again: *common
                steps: [*common]
                """))).isEqualTo("2:1 unknown key 'again' at the top level");
    }

    @Test
    void stepsMustBeANonEmptyList() {
        assertThat(Loads.brief(single("name: x"))).isEqualTo("1:1 the plan has no 'steps'");
        assertThat(Loads.brief(single("steps: []"))).isEqualTo("1:8 'steps' is empty");
        assertThat(Loads.brief(single("steps:"))).isEqualTo("1:7 'steps' must be a list of steps, found an empty value");
        assertThat(Loads.brief(single("steps: {tool: wait}"))).isEqualTo("1:8 'steps' must be a list of steps, found a mapping");
    }

    @Test
    void startStepMustNameATopLevelStep() {
        String steps = """
                devices: [A]
                steps:
                - {tool: wait, ms: 1, device: A}
                - tool: criticalSection
                  lock: l
                  steps: [{tool: wait, ms: 1, device: A}, {tool: wait, ms: 1, device: A}]
                """;
        Diagnostic d = single("startStep: 2\n" + steps);
        assertThat(Loads.brief(d)).isEqualTo("1:12 startStep 2 is out of range: the plan has 2 top-level steps (0..1)");
        assertThat(d.hint()).isEqualTo("startStep is the 0-based index of a top-level step; use 0..1");
        assertThat(Loads.brief(single("startStep: -1\n" + steps)))
                .isEqualTo("1:12 startStep -1 is out of range: the plan has 2 top-level steps (0..1)");
        assertThat(Loads.brief(single("startStep: first\n" + steps)))
                .isEqualTo("1:12 'startStep' must be an integer, found the string 'first'");
        assertThat(Loads.ok("startStep: 1\n" + steps).startStep()).isEqualTo(1);
    }

    @Test
    void startStepFromTheCommandLine() {
        Plan plan = Loads.ok("steps: [{tool: wait, ms: 1}, {tool: wait, ms: 1}, {tool: wait, ms: 1}]");
        SourcePos cli = new SourcePos("--start-step", 1, 1);
        assertThat(PlanLoader.checkStartStep(plan, 0, cli)).isEmpty();
        assertThat(PlanLoader.checkStartStep(plan, 2, cli)).isEmpty();
        assertThat(PlanLoader.checkStartStep(plan, 3, cli)).containsExactly(new Diagnostic(cli,
                "startStep 3 is out of range: the plan has 3 top-level steps (0..2)",
                "startStep is the 0-based index of a top-level step; use 0..2"));
        assertThat(PlanLoader.checkStartStep(plan, -1, cli)).extracting(Diagnostic::message)
                .containsExactly("startStep -1 is out of range: the plan has 3 top-level steps (0..2)");
    }

    @Test
    void nameAndDescriptionAreStrings() {
        assertThat(briefs("""
                name:
                description: {a: b}
                steps: [{tool: wait, ms: 1}]
                """)).containsExactly(
                "1:6 'name' must be a string, found an empty value",
                "2:14 'description' must be a string, found a mapping");
    }

    @Test
    void failedLoadThrowsValidationWithEveryDiagnostic() {
        LoadResult r = Loads.parse("steps: [{tool: nope}, {tool: wait}]");
        assertThat(r.ok()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(r::orThrow)
                .isInstanceOfSatisfying(dev.tandem.protocol.TandemException.class,
                        e -> assertThat(e.code()).isEqualTo(dev.tandem.protocol.ErrorCode.VALIDATION))
                .hasMessageContaining("p.yaml:1:16: unknown tool 'nope'")
                .hasMessageContaining("p.yaml:1:23: wait needs 'ms' (add ms: 500)");
    }
}
