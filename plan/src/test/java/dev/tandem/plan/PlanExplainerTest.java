package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --explain's output is a plan that loads to the same steps, with flows inlined and secrets masked. */
class PlanExplainerTest {
    static List<String> shape(Plan p) {
        return p.steps().stream().map(PlanExplainerTest::shape).toList();
    }

    static String shape(Step step) {
        return switch (step) {
            case ToolStep t -> t.tool() + "@" + t.device() + " " + t.label() + " " + t.optional() + " " + t.params();
            case CriticalSection cs -> "section " + cs.lock() + " " + cs.timeoutMs() + " "
                    + cs.steps().stream().map(t -> t.tool() + "@" + t.device() + " " + t.params()).toList();
            case Barrier b -> "barrier " + b.devices() + " " + b.timeoutMs() + " " + b.label();
            case Block b -> b.kind() + "@" + b.device() + " " + b.times() + " " + b.whileVisible() + " " + b.maxRetries() + " "
                    + b.visible() + " " + b.notVisible() + " " + b.platform() + " " + b.timeoutMs() + " "
                    + b.steps().stream().map(PlanExplainerTest::shape).toList();
        };
    }

    @Test
    void controlBlocksRoundTripWithTheirKeysAndNestedSteps() {
        Plan plan = PlanLoader.parse("""
                name: blocks
                devices: [A, B]
                steps:
                - tool: repeat
                  device: A
                  times: 3
                  steps:
                  - {tool: swipe, direction: up}
                  - tool: retry
                    maxRetries: 2
                    steps:
                    - {tool: tapOn, text: Load more}
                - tool: when
                  device: B
                  notVisible: {text: Signed in}
                  platform: sim
                  steps:
                  - {tool: tapOn, text: Sign in}
                """, "blocks.yaml", LoadOptions.NONE).orThrow();
        String explained = PlanExplainer.render(plan);
        Plan again = PlanLoader.parse(explained, "again.yaml", LoadOptions.NONE).orThrow();
        assertThat(shape(again)).as(explained).isEqualTo(shape(plan));
    }

    @Test
    void theSeedPlansRoundTrip() throws Exception {
        for (String seed : List.of("chat.yaml", "anchors.yaml")) {
            Plan plan = PlanLoader.load(SeedPlansTest.resource(seed), LoadOptions.NONE).orThrow();
            String explained = PlanExplainer.render(plan);
            Plan again = PlanLoader.parse(explained, "again.yaml", LoadOptions.NONE).orThrow();
            assertThat(shape(again)).as(explained).isEqualTo(shape(plan));
            assertThat(again.name()).isEqualTo(plan.name());
        }
    }

    @Test
    void flowsAreInlinedWithTheirSourcesAndSecretsMasked(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("f.yaml"), "- {tool: inputText, text: \"${PASSWORD}\", optional: true}\n");
        Path plan = Files.writeString(dir.resolve("p.yaml"), """
                name: explain me
                tags: [smoke]
                devices: [A, {label: B, platform: web}]
                steps:
                - {runFlow: f.yaml, device: A}
                - {tool: barrier, name: met}
                - {tool: launchApp, device: B, url: "https://example.com"}
                """);
        Plan loaded = PlanLoader.load(plan, new LoadOptions(Map.of("PASSWORD", "hunter22"), Map.of())).orThrow();
        String explained = PlanExplainer.render(loaded);
        assertThat(explained).doesNotContain("hunter22")
                .contains("- {tool: inputText, device: \"A\", optional: true, text: \"***\"}   # " + dir.resolve("f.yaml") + ":1:3 via " + plan + ":5:3")
                .contains("tags: [\"smoke\"]").contains("devices: [{label: \"A\"}, {label: \"B\", platform: web}]");
        assertThat(shape(PlanLoader.parse(explained, "again.yaml", LoadOptions.NONE).orThrow())).hasSize(3);
    }
}
