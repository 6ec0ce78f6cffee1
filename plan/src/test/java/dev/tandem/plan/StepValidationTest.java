package dev.tandem.plan;

import static dev.tandem.plan.Loads.briefs;
import static dev.tandem.plan.Loads.single;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tools, step keys, parameter types, required params and selectors. */
class StepValidationTest {

    @Test
    void unknownToolWithSuggestion() {
        Diagnostic d = single("""
                steps:
                - tool: tapon
                  text: OK
                """);
        assertThat(Loads.brief(d)).isEqualTo("2:9 unknown tool 'tapon'");
        assertThat(d.hint()).startsWith("did you mean 'tapOn'? plan tools: launchApp, stopApp, tapOn,");
    }

    @Test
    void unknownToolWithoutSuggestion() {
        Diagnostic d = single("steps: [{tool: teleport}]");
        assertThat(Loads.brief(d)).isEqualTo("1:16 unknown tool 'teleport'");
        assertThat(d.hint()).startsWith("plan tools: launchApp,").endsWith("criticalSection, barrier, repeat, retry, when");
    }

    @Test
    void protocolOnlyToolIsRejected() {
        assertThat(Loads.brief(single("steps: [{tool: ping}]"))).isEqualTo("1:16 tool 'ping' cannot be used in plans");
    }

    @Test
    void stepWithoutTool() {
        Diagnostic d = single("""
                steps:
                - text: OK
                """);
        assertThat(Loads.brief(d)).isEqualTo("2:3 the step has no 'tool'");
        assertThat(d.hint()).startsWith("add tool: NAME; plan tools: ");
    }

    @Test
    void stepThatIsNoMapping() {
        assertThat(briefs("""
                steps:
                - tapOn
                - [a]
                """)).containsExactly(
                "2:3 'tapOn' is written as a Maestro step; a Tandem step names its tool",
                "3:3 a step must be a mapping with a 'tool', found a list");
    }

    @Test
    void unknownStepKeysSuggestTheClosestAllowedKey() {
        Diagnostic d = single("""
                steps:
                - tool: tapOn
                  text: OK
                  acton: tap
                """);
        assertThat(Loads.brief(d)).isEqualTo("4:3 unknown key 'acton' in a tapOn step");
        assertThat(d.hint()).isEqualTo("did you mean 'action'? allowed keys: action, selector, text, textContains, id, role, index, "
                + "enabled, checked, focused, selected, timeout, device, label, optional");
    }

    @Test
    void unknownKeyUnderParamsAndInNestedMappings() {
        assertThat(briefs("""
                steps:
                - tool: systemTray
                  params:
                    action: find
                    notification: {body: Hi, titel: X}
                    awaitTimeuot: 5
                """)).containsExactly(
                "5:30 unknown key 'titel' in 'notification'",
                "6:5 unknown key 'awaitTimeuot' in a systemTray step");
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndFound() {
        assertThat(briefs("""
                steps:
                - tool: tapOn
                  text: OK
                  timeout: 5s
                  optional: yes
                  label: [a]
                  action: 2
                - tool: launchApp
                  appId: app
                  clearState: "true"
                - tool: wait
                  ms: 1.5
                - tool: tapOn
                  text:
                - tool: wait
                  params: 5
                """)).containsExactly(
                "4:12 'timeout' must be a positive integer, found the string '5s'",
                "5:13 'optional' must be true or false, found the string 'yes'",
                "6:10 'label' must be a string, found a list",
                "7:11 'action' must be one of tap, doubleTap, longPress, found '2'",
                "10:15 'clearState' must be true or false, found the string 'true'",
                "12:7 'ms' must be an integer of 0 or more, found the number 1.5",
                "14:8 'text' must be a string, found an empty value",
                "15:3 wait needs 'ms'",
                "16:11 'params' must be a mapping, found the integer 5");
    }

    @Test
    void typeErrorHintShowsAnExample() {
        Diagnostic d = single("steps: [{tool: wait, ms: soon}]");
        assertThat(d.hint()).isEqualTo("write it as ms: 500");
    }

    @Test
    void numbersBelowTheMinimum() {
        assertThat(briefs("""
                steps:
                - {tool: tapOn, text: OK, timeout: 0}
                - {tool: tapOn, text: OK, index: -1}
                - {tool: wait, ms: -5}
                """)).containsExactly(
                "2:36 'timeout' must be at least 1, found 0",
                "3:34 'index' must be at least 0, found -1",
                "4:20 'ms' must be at least 0, found -5");
    }

    @Test
    void aWaitLongerThanItsOwnTimeoutCannotPass() {
        Diagnostic d = single("""
                steps:
                - {tool: wait, ms: 5000, timeout: 1000}
                - {tool: wait, ms: 1000, timeout: 1000}
                - {tool: wait, params: {ms: 200}, timeout: 5000}
                """);
        assertThat(Loads.brief(d)).isEqualTo("2:20 wait of 5000 ms cannot finish within its timeout of 1000 ms");
        assertThat(d.hint()).isEqualTo("lower 'ms' to 1000 or less, or raise 'timeout' above 5000 (or remove it)");
    }

    @Test
    void choicesSuggestTheClosestValue() {
        Diagnostic d = single("steps: [{tool: pressButton, button: hom}]");
        assertThat(Loads.brief(d)).isEqualTo("1:37 'button' must be one of back, home, enter, found 'hom'");
        assertThat(d.hint()).isEqualTo("did you mean 'home'?");
        Diagnostic far = single("steps: [{tool: swipe, direction: diagonal}]");
        assertThat(Loads.brief(far)).isEqualTo("1:34 'direction' must be one of up, down, left, right, found 'diagonal'");
        assertThat(far.hint()).isEqualTo("use one of: up, down, left, right");
    }

    @Test
    void missingRequiredParams() {
        assertThat(briefs("""
                steps:
                - tool: inputText
                - tool: imeAction
                - tool: pressButton
                - tool: swipe
                - tool: systemTray
                - tool: wait
                - tool: launchApp
                  clearState: true
                """)).containsExactly(
                "2:3 inputText needs 'text'",
                "3:3 imeAction needs 'action'",
                "4:3 pressButton needs 'button'",
                "5:3 swipe needs 'direction'",
                "6:3 systemTray needs 'action'",
                "7:3 wait needs 'ms'",
                "8:3 launchApp needs 'appId' or 'url'");
    }

    @Test
    void missingParamHintShowsAnExample() {
        assertThat(single("steps: [{tool: inputText}]").hint()).isEqualTo("add text: \"Hello\"");
        assertThat(single("steps: [{tool: launchApp}]").hint())
                .isEqualTo("add appId: com.example.app (an installed app) or url: https://example.com (a web page)");
    }

    @Test
    void elementToolsNeedASelector() {
        assertThat(briefs("""
                steps:
                - tool: tapOn
                - tool: scrollUntilVisible
                - tool: assertVisible
                - tool: assertNotVisible
                  timeout: 100
                """)).containsExactly(
                "2:3 tapOn needs a selector",
                "3:3 scrollUntilVisible needs a selector",
                "4:3 assertVisible needs a selector",
                "5:3 assertNotVisible needs a selector");
    }

    @Test
    void selectorShapes() {
        assertThat(briefs("""
                steps:
                - {tool: tapOn, index: 1}
                - {tool: tapOn, selector: {index: 0}}
                - {tool: tapOn, selector: {text: OK}, id: ok}
                - {tool: tapOn, selector: 5}
                - {tool: observe, waitFor: [a]}
                - {tool: tapOn, selector: {txt: OK}}
                """)).containsExactly(
                "2:17 a selector needs text, textContains, id or role",
                "3:27 a selector needs text, textContains, id or role",
                "4:39 the selector is given twice: under 'selector' and inline ('id')",
                "6:28 'waitFor' must be a selector (a string, or a mapping of text, id, role, index), found a list",
                "7:27 a selector needs text, textContains, id or role",
                "7:28 unknown key 'txt' in a selector");
    }

    @Test
    void regularExpressionsMustCompile() {
        Diagnostic d = single("""
                steps:
                - tool: tapOn
                  text: "/[a/"
                """);
        assertThat(Loads.brief(d)).startsWith("3:9 'text': invalid regular expression /[a/: Unclosed character class");
        assertThat(briefs("""
                steps:
                - {tool: assertVisible, selector: {id: "/(/"}}
                - {tool: observe, waitFor: "/*/"}
                - {tool: systemTray, action: find, notification: {title: "/)/"}}
                - {tool: inputText, text: "/[/"}
                """)).containsExactly(
                "2:40 'id': invalid regular expression /(/: Unclosed group",
                "3:28 'text': invalid regular expression /*/: Dangling meta character '*'",
                "4:58 'title': invalid regular expression /)/: Unmatched closing ')'");
    }

    @Test
    void inputTextTypesItsTextAndChoosesItsFieldById() {
        Plan plan = Loads.ok("""
                steps:
                - {tool: inputText, text: "/[/", id: "com.chat:id/input", imeAction: send}
                - {tool: inputText, text: 42}
                """);
        assertThat(((ToolStep) plan.steps().get(0)).params()).hasToString(
                "{\"text\":\"/[/\",\"id\":\"com.chat:id/input\",\"imeAction\":\"send\"}");
        assertThat(((ToolStep) plan.steps().get(1)).params().get("text").isTextual()).isTrue();
    }

    @Test
    void inputTextAcceptsReplaceAsABoolean() {
        Plan plan = Loads.ok("steps: [{tool: inputText, id: email, text: \"ada@example.com\", replace: true}]");
        assertThat(((ToolStep) plan.steps().get(0)).params().get("replace").asBoolean()).isTrue();
        assertThat(Loads.brief(single("steps: [{tool: inputText, text: a, replace: \"yes\"}]")))
                .isEqualTo("1:45 'replace' must be true or false, found the string 'yes'");
    }

    @Test
    void everyErrorIsCollectedInFileOrder() {
        assertThat(briefs("""
                name: [x]
                devices: [A, B]
                stpes: 1
                steps:
                - {tool: tapOn, device: A}
                - {tool: tapOm, device: Q}
                - {tool: wait, ms: x}
                abortStrategy: never
                startStep: 9
                """)).containsExactly(
                "1:7 'name' must be a string, found a list",
                "3:1 unknown key 'stpes' at the top level",
                "5:3 tapOn needs a selector",
                "6:10 unknown tool 'tapOm'",
                "6:25 device 'Q' is not declared",
                "7:3 the step has no 'device', but the plan declares 'devices'",
                "7:20 'ms' must be an integer of 0 or more, found the string 'x'",
                "8:16 'abortStrategy' must be one of immediate, finish-current-step, found 'never'",
                "9:12 startStep 9 is out of range: the plan has 3 top-level steps (0..2)");
    }
}
