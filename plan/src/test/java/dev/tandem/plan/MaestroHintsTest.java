package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Maestro habits: each Maestro-style step gets the Tandem form of that very step; a Maestro file keeps its steps. */
class MaestroHintsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "- tapOn: \"Sign in\"                  | {tool: tapOn, text: \"Sign in\"}",
            "- tapOn: {id: login_button}           | {tool: tapOn, id: \"login_button\"}",
            "- tapOn: {text: Item, index: 2}       | {tool: tapOn, text: \"Item\", index: 2}",
            "- doubleTapOn: Like                   | {tool: tapOn, text: \"Like\", action: doubleTap}",
            "- longPressOn: Photo                  | {tool: tapOn, text: \"Photo\", action: longPress}",
            "- launchApp                           | {tool: launchApp, appId: \"com.example.app\"}",
            "- launchApp: {appId: com.chat, clearState: true} | {tool: launchApp, appId: \"com.chat\", clearState: true}",
            "- assertVisible: \"Welcome\"          | {tool: assertVisible, text: \"Welcome\"}",
            "- assertNotVisible: {id: spinner}     | {tool: assertNotVisible, id: \"spinner\"}",
            "- inputText: \"x\"                    | {tool: inputText, text: \"x\"}",
            "- back                                | {tool: pressButton, button: back}",
            "- pressKey: Home                      | {tool: pressButton, button: home}",
            "- eraseText                           | {tool: clearText}",
            "- scroll                              | {tool: swipe, direction: up}",
            "- swipe: {direction: LEFT}            | {tool: swipe, direction: left}",
            "- scrollUntilVisible: {element: {text: Footer}} | {tool: scrollUntilVisible, text: \"Footer\"}",
            "- takeScreenshot: after-login         | {tool: screenshot, name: \"after-login\"}",
            "- openLink: https://example.com       | {tool: launchApp, url: \"https://example.com\"}",
            "- extendedWaitUntil: {visible: Done, timeout: 10000} | {tool: assertVisible, text: \"Done\", timeout: 10000}",
            "- stopApp                             | {tool: stopApp, appId: \"com.example.app\"}",
    })
    void maestroStepGetsItsTandemForm(String step, String tandem) {
        Diagnostic d = Loads.single("steps:\n" + step.strip() + "\n");
        assertThat(d.pos().line()).isEqualTo(2);
        assertThat(d.message()).endsWith("is written as a Maestro step; a Tandem step names its tool");
        assertThat(d.hint()).isEqualTo("write it as - " + tandem.strip() + " (tandem validate --explain prints the whole plan converted)");
        // the form shown is itself a valid step
        assertThat(Loads.parse("steps:\n- " + tandem.strip() + "\n").errors()).isEmpty();
    }

    @Test
    void aMaestroCommandWithoutATandemToolSaysSo() {
        Diagnostic d = Loads.single("steps:\n- runScript: setup.js\n");
        assertThat(d.message()).isEqualTo("'runScript' is written as a Maestro step; Tandem has no tool for it");
        assertThat(d.hint()).startsWith("plan tools: launchApp,");
    }

    @Test
    void anUnconvertibleArgumentStillNamesTheTool() {
        Diagnostic d = Loads.single("steps:\n- tapOn: {point: \"50%,50%\"}\n");
        assertThat(d.hint()).startsWith("write it as - {tool: tapOn, ...} with its parameters");
    }

    @Test
    void aMaestroFileIsRecognisedAndTheHintKeepsItsSteps() {
        Diagnostic d = Loads.single("""
                appId: com.example.app
                ---
                - launchApp
                - tapOn: "Sign in"
                """);
        assertThat(Loads.brief(d)).isEqualTo("2:1 this is a Maestro flow: a header (appId: com.example.app), '---', then the steps; "
                + "a Tandem plan is one document");
        assertThat(d.hint()).contains("keep the steps").contains("{tool: launchApp, appId: com.example.app}")
                .contains("tandem validate --explain").doesNotContain("remove").doesNotContain("delete");
    }

    @Test
    void anyOtherSecondDocumentHintDoesNotSayToDeleteSteps() {
        Diagnostic d = Loads.single("steps: [{tool: wait, ms: 1}]\n---\nsteps: [{tool: wait, ms: 2}]\n");
        assertThat(d.message()).isEqualTo("the plan file holds more than one YAML document");
        assertThat(d.hint()).doesNotContain("remove").doesNotContain("delete").contains("split the documents into files");
    }

    @Test
    void explainConvertsAMaestroFileIntoAValidPlan() {
        String converted = MaestroFlow.convert("""
                appId: com.chat.app
                name: sign in
                tags: [smoke]
                ---
                - launchApp
                - tapOn: "Sign in"
                - inputText: "${USER}"
                - runScript: x.js
                - assertVisible: Welcome
                """, "flow.yaml");
        assertThat(converted).isEqualTo("""
                # flow.yaml converted to a Tandem plan (docs/plan-format.md)
                name: "sign in"
                tags: ["smoke"]
                steps:
                - {tool: launchApp, appId: "com.chat.app"}
                - {tool: tapOn, text: "Sign in"}
                - {tool: inputText, text: "${USER}"}
                # not converted: {runScript: "x.js"} (Tandem has no tool for 'runScript')
                - {tool: assertVisible, text: "Welcome"}
                """);
        assertThat(PlanLoader.parse(converted, "c.yaml", new LoadOptions(java.util.Map.of("USER", "u"), java.util.Map.of())).errors())
                .isEmpty();
    }

    @Test
    void explainConvertsMaestroStepsInsideAPlanAndKeepsTandemOnes() {
        String converted = MaestroFlow.convert("steps:\n- {tool: wait, ms: 5}\n- back\n", "p.yaml");
        assertThat(converted).endsWith("steps:\n- {tool: \"wait\", ms: 5}\n- {tool: pressButton, button: back}\n");
        assertThat(MaestroFlow.convert("steps:\n- {tool: wait, ms: 5}\n", "p.yaml")).isNull();
    }
}
