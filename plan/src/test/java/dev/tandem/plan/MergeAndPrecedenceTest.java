package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Tool;
import org.junit.jupiter.api.Test;

/** `<<` merge keys, and how step keys, inline params and `params:` combine. */
class MergeAndPrecedenceTest {

    static ToolStep step(Plan plan, int i) {
        return (ToolStep) plan.steps().get(i);
    }

    @Test
    void explicitKeysWinOverMergedOnesWhereverTheMergeStands() {
        Plan plan = Loads.ok("""
                devices: [A, B]
                base: &base {tool: tapOn, action: longPress, device: A, text: Base}
                steps:
                - action: doubleTap
                  <<: *base
                - <<: *base
                  device: B
                """);
        ToolStep first = step(plan, 0);
        assertThat(first.params()).hasToString("{\"action\":\"doubleTap\",\"text\":\"Base\"}");
        assertThat(first.device()).isEqualTo("A");
        ToolStep second = step(plan, 1);
        assertThat(second.device()).isEqualTo("B");
        assertThat(second.params()).hasToString("{\"action\":\"longPress\",\"text\":\"Base\"}");
    }

    @Test
    void aListOfMergesGivesTheEarlierMappingPrecedence() {
        Plan plan = Loads.ok("""
                devices: [A, B]
                onA: &onA {device: A, label: from A}
                onB: &onB {device: B, label: from B, optional: true}
                steps:
                - <<: [*onA, *onB]
                  tool: wait
                  ms: 1
                """);
        ToolStep s = step(plan, 0);
        assertThat(s.device()).isEqualTo("A");
        assertThat(s.label()).isEqualTo("from A");
        assertThat(s.optional()).isTrue();
    }

    @Test
    void mergesNestInsideAnchorsAndParams() {
        Plan plan = Loads.ok("""
                devices: [A]
                sel: &sel {id: "com.chat:id/send"}
                tap: &tap {tool: tapOn, params: {<<: *sel, action: tap}}
                slow: &slow {<<: *tap, timeout: 9000}
                steps:
                - {<<: *slow, device: A}
                """);
        ToolStep s = step(plan, 0);
        assertThat(s.tool()).isEqualTo(Tool.TAP_ON);
        assertThat(s.timeoutMs()).isEqualTo(9000L);
        assertThat(s.params()).hasToString("{\"timeout\":9000,\"id\":\"com.chat:id/send\",\"action\":\"tap\"}");
    }

    @Test
    void mergedErrorsAreReportedOnceAtTheAnchor() {
        StringBuilder yaml = new StringBuilder("tap: &tap {tool: tapOn, text: OK, acton: tap}\nsteps:\n");
        for (int i = 0; i < 50; i++) yaml.append("- *tap\n");
        assertThat(Loads.briefs(yaml.toString())).containsExactly("1:35 unknown key 'acton' in a tapOn step");
    }

    @Test
    void paramsWinOverInlineParams() {
        ToolStep s = step(Loads.ok("""
                steps:
                - tool: inputText
                  text: inline
                  imeAction: go
                  params:
                    text: from params
                """), 0);
        assertThat(s.params()).hasToString("{\"text\":\"from params\",\"imeAction\":\"go\"}");
    }

    @Test
    void stepKeysUnderParamsWinOverTheTopLevelAndLeaveParams() {
        ToolStep s = step(Loads.ok("""
                devices: [A, B]
                steps:
                - tool: tapOn
                  device: A
                  label: top
                  optional: false
                  timeout: 1000
                  params:
                    device: B
                    label: nested
                    optional: true
                    timeout: 2500
                    text: Send
                """), 0);
        assertThat(s.device()).isEqualTo("B");
        assertThat(s.label()).isEqualTo("nested");
        assertThat(s.optional()).isTrue();
        assertThat(s.timeoutMs()).isEqualTo(2500L);
        assertThat(s.effectiveTimeoutMs()).isEqualTo(2500L);
        assertThat(s.params()).hasToString("{\"timeout\":2500,\"text\":\"Send\"}");
    }

    @Test
    void timeoutIsTheStepBoundAndStaysInParamsForElementWaits() {
        ToolStep s = step(Loads.ok("steps: [{tool: assertVisible, text: Hi, timeout: 3000}]"), 0);
        assertThat(s.timeoutMs()).isEqualTo(3000L);
        assertThat(s.params().get("timeout").asLong()).isEqualTo(3000L);
        ToolStep none = step(Loads.ok("steps: [{tool: assertVisible, text: Hi}]"), 0);
        assertThat(none.timeoutMs()).isNull();
        assertThat(none.effectiveTimeoutMs()).isEqualTo(Tool.ASSERT_VISIBLE.traits().defaultTimeoutMs());
        assertThat(none.params().has("timeout")).isFalse();
    }

    @Test
    void sectionAndBarrierTimeoutsLabelsAndDefaults() {
        Plan plan = Loads.ok("""
                devices: [A, B, C]
                steps:
                - tool: criticalSection
                  label: send
                  timeout: 1500
                  params:
                    lock: room
                    steps: [{tool: wait, ms: 1, device: B}]
                - tool: barrier
                - tool: barrier
                  devices: [C, A]
                  name: synced
                  timeout: 700
                - tool: barrier
                  label: labelled
                  params: {name: ignored}
                """);
        CriticalSection section = (CriticalSection) plan.steps().get(0);
        assertThat(section.label()).isEqualTo("send");
        assertThat(section.timeoutMs()).isEqualTo(1500);
        assertThat(section.participants()).containsExactly("B");
        Barrier all = (Barrier) plan.steps().get(1);
        assertThat(all).isEqualTo(new Barrier(1, java.util.List.of("A", "B", "C"), 60_000, null, new SourcePos("p.yaml", 9, 3)));
        Barrier some = (Barrier) plan.steps().get(2);
        assertThat(some.devices()).containsExactly("C", "A");
        assertThat(some.timeoutMs()).isEqualTo(700);
        assertThat(some.label()).isEqualTo("synced");
        assertThat(((Barrier) plan.steps().get(3)).label()).isEqualTo("labelled");
    }

    @Test
    void scalarsBecomeTextWhereTextIsExpected() {
        ToolStep s = step(Loads.ok("""
                devices: [1, 2]
                steps:
                - {tool: inputText, text: 42, device: 2}
                """), 0);
        assertThat(s.device()).isEqualTo("2");
        assertThat(s.params().get("text").asText()).isEqualTo("42");
        assertThat(s.params().get("text").isTextual()).isTrue();
    }

    @Test
    void anEmptyParamsKeyIsNoParams() {
        ToolStep s = step(Loads.ok("steps:\n- tool: wait\n  ms: 5\n  params:\n"), 0);
        assertThat(s.params()).hasToString("{\"ms\":5}");
    }

    @Test
    void everyToolAcceptsItsDocumentedParams() {
        Plan plan = Loads.ok("""
                steps:
                - {tool: launchApp, appId: com.chat.app, clearState: true, context: {room: r1, user: bob, services: {chat: "http://127.0.0.1:1"}}}
                - {tool: launchApp, url: "https://example.com"}
                - {tool: stopApp, appId: com.chat.app}
                - {tool: tapOn, selector: {text: "/Send|Post/", index: 1}, action: longPress}
                - {tool: tapOn, role: button, index: 0}
                - {tool: inputText, text: hi, imeAction: search, selector: "/Message.*/"}
                - {tool: clearText, id: "com.chat:id/input"}
                - {tool: clearText}
                - {tool: imeAction, action: next}
                - {tool: pressButton, button: back}
                - {tool: swipe, direction: left, text: Carousel}
                - {tool: scrollUntilVisible, text: Footer, direction: up}
                - {tool: assertVisible, selector: Welcome}
                - {tool: assertNotVisible, text: Spinner, timeout: 100}
                - {tool: observe}
                - {tool: observe, waitFor: {role: list}}
                - {tool: systemTray, action: tap, notification: {title: Chat, body: "/Hel+o/"}, awaitTimeout: 0}
                - {tool: systemTray, action: clearAll}
                - {tool: screenshot, name: done}
                - {tool: wait, ms: 0}
                """);
        assertThat(plan.steps()).hasSize(20);
        assertThat(plan.steps()).extracting(Step::planIndex).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
    }
}
