package dev.tandem.plan;

import static dev.tandem.plan.Loads.briefs;
import static dev.tandem.plan.Loads.ok;
import static dev.tandem.plan.Loads.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Tool;
import org.junit.jupiter.api.Test;

/** Control blocks (repeat, retry, when): their shape, their bounds, and the sync points they may not hold. */
class BlockValidationTest {

    @Test
    void aRepeatBlockRunsItsStepsOnTheBlocksDevice() {
        Plan p = ok("""
                devices: [A, B]
                steps:
                - {tool: launchApp, device: A, appId: com.example.list}
                - tool: repeat
                  device: A
                  times: 3
                  label: scroll three times
                  steps:
                  - {tool: swipe, direction: up}
                  - {tool: assertVisible, text: Item 1, device: A}
                - {tool: tapOn, device: B, text: OK}
                """);
        Block b = (Block) p.steps().get(1);
        assertThat(b.kind()).isEqualTo(Block.Kind.REPEAT);
        assertThat(b).extracting(Block::device, Block::times, Block::label, Block::planIndex, Block::nestedIndex)
                .containsExactly("A", 3, "scroll three times", 1, -1);
        assertThat(b.toolSteps()).extracting(ToolStep::device).containsExactly("A", "A");
        assertThat(b.toolSteps()).extracting(ToolStep::planIndex).containsExactly(1, 1);
        assertThat(b.toolSteps()).extracting(ToolStep::nestedIndex).containsExactly(0, 1);
        assertThat(b.timeoutMs()).isEqualTo(600_000);
        assertThat(b.maxIterations()).isEqualTo(3);
    }

    @Test
    void whileRetryAndWhenReadTheirConditions() {
        Plan p = ok("""
                steps:
                - tool: repeat
                  while: {text: Load more}
                  steps: [{tool: tapOn, text: Load more}]
                - tool: retry
                  maxRetries: 2
                  timeout: 30000
                  steps: [{tool: assertVisible, text: Done}]
                - tool: when
                  visible: Accept cookies
                  platform: web
                  steps:
                  - tool: repeat
                    times: 2
                    steps: [{tool: tapOn, text: Accept cookies}]
                - {tool: retry, steps: [{tool: wait, ms: 1}]}
                """);
        Block repeat = (Block) p.steps().get(0);
        assertThat(repeat.times()).isNull();
        assertThat(repeat.whileVisible().toString()).isEqualTo("{\"selector\":{\"text\":\"Load more\"}}");
        assertThat(repeat.maxIterations()).isEqualTo(100);
        Block retry = (Block) p.steps().get(1);
        assertThat(retry).extracting(Block::maxRetries, Block::timeoutMs, Block::maxIterations).containsExactly(2, 30_000L, 3);
        Block when = (Block) p.steps().get(2);
        assertThat(when.visible().toString()).isEqualTo("{\"selector\":\"Accept cookies\"}");
        assertThat(when.platform()).isEqualTo("web");
        assertThat(((Block) when.steps().getFirst()).kind()).isEqualTo(Block.Kind.REPEAT);
        assertThat(((Block) p.steps().get(3)).maxRetries()).as("default maxRetries").isEqualTo(1);
        assertThat(p.steps().stream().mapToInt(s -> s.toolSteps().size()).sum()).isEqualTo(4);
    }

    @Test
    void aSyncPointInsideABlockIsAnErrorWithAHint() {
        Diagnostic d = single("""
                devices: [A, B]
                steps:
                - tool: repeat
                  device: A
                  times: 2
                  steps:
                  - {tool: tapOn, text: Next}
                  - {tool: barrier}
                """);
        assertThat(Loads.brief(d)).isEqualTo("8:5 a repeat block cannot contain a barrier");
        assertThat(d.hint()).isEqualTo("every device must meet a barrier the same number of times; move it to the top level of"
                + " 'steps', before or after the repeat block");
        assertThat(briefs("""
                devices: [A, B]
                steps:
                - tool: retry
                  device: A
                  steps:
                  - tool: when
                    visible: OK
                    steps:
                    - {tool: criticalSection, lock: l, steps: [{tool: tapOn, device: A, text: OK}]}
                """)).containsExactly("9:7 a when block cannot contain a criticalSection");
    }

    @Test
    void aBlockInsideACriticalSectionIsAnError() {
        Diagnostic d = single("""
                devices: [A, B]
                steps:
                - tool: criticalSection
                  lock: l
                  steps:
                  - {tool: tapOn, device: A, text: OK}
                  - {tool: repeat, device: B, times: 2, steps: [{tool: tapOn, text: OK}]}
                """);
        assertThat(Loads.brief(d)).isEqualTo("7:5 a criticalSection cannot contain a repeat block");
        assertThat(d.hint()).startsWith("put the repeat block before or after the section");
    }

    @Test
    void aBlockRunsOnOneDevice() {
        assertThat(briefs("""
                devices: [A, B]
                steps:
                - tool: repeat
                  device: A
                  times: 2
                  steps: [{tool: tapOn, device: B, text: OK}]
                - {tool: retry, steps: [{tool: tapOn, text: OK}]}
                """)).containsExactly(
                "6:33 this step names device 'B', but its repeat block runs on device 'A'",
                "7:3 the step has no 'device', but the plan declares 'devices'");
        assertThat(briefs("""
                steps:
                - {tool: retry, device: A, steps: [{tool: tapOn, text: OK}]}
                """)).containsExactly("2:17 'device' is set, but the plan declares no 'devices'");
    }

    @Test
    void blocksAreBoundedAndWellFormed() {
        assertThat(briefs("""
                steps:
                - {tool: repeat, times: 5000, steps: [{tool: tapOn, text: OK}]}
                - {tool: retry, maxRetries: 11, steps: [{tool: tapOn, text: OK}]}
                - {tool: repeat, steps: [{tool: tapOn, text: OK}]}
                - {tool: when, steps: [{tool: tapOn, text: OK}]}
                - {tool: repeat, times: 0, steps: [{tool: tapOn, text: OK}]}
                - {tool: retry, steps: []}
                - {tool: retry}
                - {tool: when, visible: {index: 1}, steps: [{tool: tapOn, text: OK}]}
                - {tool: when, platform: windows, steps: [{tool: tapOn, text: OK}]}
                - {tool: retry, optional: true, steps: [{tool: tapOn, text: OK}]}
                - {tool: repeat, time: 2, steps: [{tool: tapOn, text: OK}]}
                """)).containsExactly(
                "2:25 'times' is 5000, over the limit of 1000",
                "3:29 'maxRetries' is 11, over the limit of 10",
                "4:3 repeat needs 'times' or 'while'",
                "5:3 when needs 'visible' or 'notVisible' or 'platform'",
                "6:25 'times' must be at least 1, found 0",
                "7:24 'steps' is empty",
                "8:3 retry needs 'steps'",
                "9:25 a selector needs text, textContains, id or role",
                "10:26 'platform' must be one of sim, web, android, ios, found 'windows'",
                "11:17 retry cannot be optional",
                "12:3 repeat needs 'times' or 'while'",
                "12:18 unknown key 'time' in a repeat step");
    }

    @Test
    void aUrlStepInAWhenBlockForWebDoesNotMakeThePlanWebOnly() {
        Plan p = ok("""
                platform: sim
                steps:
                - tool: when
                  platform: web
                  steps: [{tool: launchApp, url: "https://example.com"}]
                - tool: when
                  platform: sim
                  steps: [{tool: launchApp, appId: com.example.login}]
                """);
        assertThat(p.firstWebOnlyStep(Plan.SINGLE_DEVICE_LABEL)).isNull();
        assertThat(p.steps().getFirst().toolStepsOn("sim")).isEmpty();
        assertThat(p.steps().getFirst().toolStepsOn("web")).hasSize(1);
        assertThat(briefs("""
                platform: sim
                steps:
                - tool: retry
                  steps: [{tool: launchApp, url: "https://example.com"}]
                """)).containsExactly("4:11 launchApp url opens a web page, but the plan runs on platform sim");
    }

    @Test
    void blocksNestAtMostFourDeep() {
        String inner = "{tool: tapOn, text: OK}";
        for (int i = 0; i < 5; i++) inner = "{tool: retry, steps: [" + inner + "]}";
        Diagnostic d = single("steps: [" + inner + "]");
        assertThat(d.message()).isEqualTo("this retry block is nested 5 blocks deep, over the limit of 4");
    }

    @Test
    void blockToolsAreInTheToolTableAsPlanOnlyEngineTools() {
        for (Tool t : new Tool[] {Tool.REPEAT, Tool.RETRY, Tool.WHEN}) {
            var row = dev.tandem.protocol.ToolDescriptors.of(t);
            assertThat(row.exposure().mcpName()).isNull();
            assertThat(row.exposure().command()).isNull();
            assertThat(row.allowedKeys()).contains("steps", "device", "label", "timeout").doesNotContain("optional");
        }
    }
}
