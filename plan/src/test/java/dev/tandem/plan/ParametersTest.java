package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ${NAME} parameters: where values come from, defaults, types, errors at their positions, what is secret. */
class ParametersTest {
    static LoadResult load(String yaml, Map<String, String> given, Map<String, String> environment) {
        return PlanLoader.parse(yaml, "p.yaml", new LoadOptions(given, environment));
    }

    static ToolStep first(LoadResult r) {
        assertThat(r.errors()).isEmpty();
        return (ToolStep) r.plan().steps().getFirst();
    }

    @Test
    void givenValueWinsOverPlanEnvWhichWinsOverEnvironment() {
        String yaml = """
                env: {A: plan, B: plan}
                steps:
                - {tool: inputText, text: "${A} ${B} ${C}"}
                """;
        ToolStep s = first(load(yaml, Map.of("A", "given"), Map.of("A", "envA", "B", "envB", "C", "envC")));
        assertThat(s.params().get("text").asText()).isEqualTo("given plan envC");
    }

    @Test
    void defaultAppliesWhenUndefinedOrEmpty() {
        String yaml = "steps: [{tool: inputText, text: \"${X:-x default}/${Y:-y}/${Z:-}\"}]";
        ToolStep s = first(load(yaml, Map.of("Y", ""), Map.of()));
        assertThat(s.params().get("text").asText()).isEqualTo("x default/y/");
    }

    @Test
    void dollarDollarIsALiteral() {
        ToolStep s = first(load("steps: [{tool: inputText, text: \"costs $ ${PRICE} or $5 or $${PRICE}\"}]", Map.of("PRICE", "9"), Map.of()));
        assertThat(s.params().get("text").asText()).isEqualTo("costs $ 9 or $5 or ${PRICE}");
    }

    @Test
    void plainValueTakesTheTypeOfWhatItBecomes() {
        ToolStep s = first(load("steps:\n- tool: wait\n  ms: ${MS}\n  timeout: ${T:-5000}\n", Map.of("MS", "20"), Map.of()));
        assertThat(s.params().get("ms").isIntegralNumber()).isTrue();
        assertThat(s.timeoutMs()).isEqualTo(5000L);
        ToolStep quoted = first(load("steps: [{tool: wait, ms: \"${MS}\"}]", Map.of("MS", "20"), Map.of()));
        assertThat(quoted.params().get("ms").asInt()).isEqualTo(20);
        LoadResult around = load("steps: [{tool: wait, ms: \"${MS}0\"}]", Map.of("MS", "2"), Map.of());
        assertThat(around.errors()).singleElement().satisfies(d -> assertThat(d.message()).startsWith("'ms' must be an integer of 0 or more, found the string '20'"));
    }

    @Test
    void aQuotedParameterThatIsEmptyIsTheEmptyString() {
        ToolStep s = first(load("steps: [{tool: inputText, text: \"${T}\", label: \"${L}\"}]", Map.of("T", "", "L", "null"), Map.of()));
        assertThat(s.params().get("text").asText()).isEmpty();
        assertThat(s.label()).isEqualTo("null");
    }

    @Test
    void undefinedParameterIsAnErrorAtItsValue() {
        LoadResult r = load("""
                steps:
                - tool: tapOn
                  text: ${BUTTON}
                - {tool: inputText, text: "${EMAIL}"}
                """, Map.of(), Map.of());
        assertThat(r.errors()).extracting(Loads::brief)
                .containsExactly("3:9 parameter '${BUTTON}' is not defined", "4:27 parameter '${EMAIL}' is not defined");
        assertThat(r.errors().getFirst().hint()).isEqualTo(
                "pass -e BUTTON=VALUE, add BUTTON under 'env:', set BUTTON in the environment, or write ${BUTTON:-default}");
    }

    @Test
    void badSyntaxIsAnError() {
        LoadResult r = load("steps: [{tool: inputText, text: \"${1X} and ${\"}]", Map.of(), Map.of());
        assertThat(r.errors()).extracting(Diagnostic::message)
                .containsExactly("'${1X}' does not name a parameter", "'${' is not closed in '${1X} and ${'");
        LoadResult unclosed = load("steps: [{tool: inputText, text: \"a ${B\"}]", Map.of(), Map.of());
        assertThat(unclosed.errors()).extracting(Diagnostic::message).containsExactly("'${' is not closed in 'a ${B'");
    }

    @Test
    void planEnvIsCheckedAndMayUseGivenValues() {
        LoadResult r = load("""
                env:
                  1BAD: x
                  LIST: [a]
                  OK: "${HOST:-localhost}:8080"
                steps: [{tool: inputText, text: "${OK}"}]
                """, Map.of(), Map.of());
        assertThat(r.errors()).extracting(Loads::brief)
                .containsExactly("2:3 '1BAD' in 'env' is not a parameter name", "3:9 'LIST' must be a string, found a list");
        ToolStep s = first(load("env: {OK: \"${HOST}:8080\"}\nsteps: [{tool: inputText, text: \"${OK}\"}]", Map.of("HOST", "h"), Map.of()));
        assertThat(s.params().get("text").asText()).isEqualTo("h:8080");
    }

    @Test
    void parametersWorkInEveryStringValueAndThroughAliases() {
        LoadResult r = load("""
                devices: ["${DEV_A:-A}", B]
                name: "login as ${USER}"
                tap: &tap {tool: tapOn, text: "${BUTTON}"}
                steps:
                - {<<: *tap, device: A}
                - {<<: *tap, device: "${OTHER}"}
                """, Map.of("USER", "alice", "BUTTON", "Go", "OTHER", "B"), Map.of());
        assertThat(r.errors()).isEmpty();
        assertThat(r.plan().name()).isEqualTo("login as alice");
        assertThat(r.plan().steps()).extracting(s -> ((ToolStep) s).device() + ":" + ((ToolStep) s).params().get("text").asText())
                .containsExactly("A:Go", "B:Go");
    }

    @Test
    void givenValuesAndUsedEnvironmentValuesAreSecretsAndPlanDefaultsAreNot() {
        LoadResult r = load("""
                env: {GREETING: hello-there}
                steps:
                - {tool: inputText, text: "${PASSWORD} ${GREETING} ${HOME_DIR}"}
                """, Map.of("PASSWORD", "hunter22", "UNUSED", "not-used-here"), Map.of("HOME_DIR", "/home/alice", "PATH", "/usr/bin"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.plan().secrets().mask("hunter22 hello-there /home/alice /usr/bin not-used-here"))
                .isEqualTo("*** hello-there *** /usr/bin ***");
    }

    @Test
    void literalOptionsTakeEveryValueAsWritten() {
        LoadResult r = PlanLoader.parse("steps: [{tool: inputText, text: \"${NOT_A_PARAM}\"}]", "command", LoadOptions.LITERAL);
        assertThat(first(r).params().get("text").asText()).isEqualTo("${NOT_A_PARAM}");
    }

    @Test
    void aPlanWithoutParametersIsTheSameTree() {
        LoadResult r = load("steps: [{tool: inputText, text: plain}]", Map.of(), Map.of());
        assertThat(r.plan().secrets().isEmpty()).isTrue();
        assertThat(r.plan().tags()).isEqualTo(List.of());
    }
}
