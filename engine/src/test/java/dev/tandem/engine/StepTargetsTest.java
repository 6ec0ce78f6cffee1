package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.plan.Plan;
import dev.tandem.plan.PlanLoader;
import dev.tandem.plan.ToolStep;
import org.junit.jupiter.api.Test;

class StepTargetsTest {
    static String target(String step) {
        Plan p = PlanLoader.parse("steps:\n  - " + step + "\n", "t.yaml").plan();
        return StepTargets.describe((ToolStep) p.steps().getFirst());
    }

    @Test
    void stepsNameWhatTheyActOn() {
        assertThat(target("{tool: tapOn, text: Sign in}")).isEqualTo("\"Sign in\"");
        assertThat(target("{tool: tapOn, selector: {role: button, text: Send}}")).isEqualTo("button \"Send\"");
        assertThat(target("{tool: assertVisible, id: email}")).isEqualTo("#email");
        assertThat(target("{tool: inputText, id: email, text: ada}")).isEqualTo("\"ada\" into #email");
        assertThat(target("{tool: launchApp, appId: com.chat.app}")).isEqualTo("com.chat.app");
        assertThat(target("{tool: pressButton, button: back}")).isEqualTo("back");
        assertThat(target("{tool: wait, ms: 50}")).isEqualTo("50 ms");
        assertThat(target("{tool: assertVisible, id: submit, enabled: false}")).isEqualTo("#submit not enabled");
        assertThat(target("{tool: assertVisible, textContains: Welcome, role: text, selected: true}"))
                .isEqualTo("text ~\"Welcome\" selected");
    }
}
