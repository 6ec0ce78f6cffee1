package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random plans built from sub-flows: the flat plan keeps every step in the order a reader would
 * expand it by hand, each step's include chain is as deep as its nesting, devices and barriers stay
 * in plan order on every track; a flow that includes an earlier one (a cycle) is an error, never a hang.
 */
class FlowPropertiesTest {
    static final List<String> LABELS = List.of("A", "B");

    /**
     * {@code flows.get(i)} is the content of flow i: a number n >= 0 is a wait step, a negative
     * number -k includes flow (i + k) (always a later one: no cycles), when there is one.
     */
    @Property(tries = 60)
    void flatPlanKeepsTheOrderOfTheExpandedFlows(
            @ForAll @Size(min = 1, max = 6) List<@Size(min = 1, max = 6) List<@IntRange(min = -3, max = 9) Integer>> flows,
            @ForAll boolean barriers) throws IOException {
        Path dir = Files.createTempDirectory("flowprop");
        try {
            for (int i = 0; i < flows.size(); i++) {
                StringBuilder y = new StringBuilder("steps:\n");
                for (int item : flows.get(i)) {
                    int target = i - item;
                    if (item < 0 && target < flows.size()) y.append("- runFlow: f").append(target).append(".yaml\n");
                    else y.append("- {tool: wait, ms: ").append(Math.abs(item)).append(", label: \"f").append(i).append("\"}\n");
                }
                Files.writeString(dir.resolve("f" + i + ".yaml"), y.toString());
            }
            StringBuilder plan = new StringBuilder("devices: [A, B]\nsteps:\n");
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < flows.size(); k++) {
                plan.append("- {runFlow: f").append(k).append(".yaml, device: ").append(LABELS.get(k % 2)).append("}\n");
                expand(flows, k, LABELS.get(k % 2), expected);
                if (barriers) {
                    plan.append("- {tool: barrier}\n");
                    expected.add("barrier");
                }
            }
            Path root = Files.writeString(dir.resolve("plan.yaml"), plan.toString());
            Plan p = PlanLoader.load(root, LoadOptions.NONE).orThrow();
            List<String> actual = new ArrayList<>();
            for (Step s : p.steps()) {
                actual.add(s instanceof ToolStep t ? t.device() + ":" + t.label() + ":" + t.params().get("ms").asInt() : "barrier");
            }
            assertThat(actual).isEqualTo(expected);
            for (int i = 0; i < p.steps().size(); i++) assertThat(p.steps().get(i).planIndex()).isEqualTo(i);
            for (Step s : p.steps()) {
                if (s instanceof ToolStep t) assertThat(t.pos().outermost().file()).isEqualTo(root.toString());
            }
        } finally {
            delete(dir);
        }
    }

    /** What a reader expands flow k to, by hand. */
    private static void expand(List<List<Integer>> flows, int k, String device, List<String> out) {
        for (int item : flows.get(k)) {
            int target = k - item;
            if (item < 0 && target < flows.size()) expand(flows, target, device, out);
            else out.add(device + ":f" + k + ":" + Math.abs(item));
        }
    }

    @Property(tries = 40)
    void anIncludeOfAnEarlierFlowIsACycleErrorNotAHang(
            @ForAll @IntRange(min = 1, max = 8) int length, @ForAll @IntRange(min = 0, max = 7) int back) throws IOException {
        Path dir = Files.createTempDirectory("flowcycle");
        try {
            int to = Math.min(back, length - 1);
            for (int i = 0; i < length; i++) {
                String next = i + 1 < length ? "f" + (i + 1) : "f" + to; // the last one closes a loop
                Files.writeString(dir.resolve("f" + i + ".yaml"), "- {tool: wait, ms: " + i + "}\n- runFlow: " + next + ".yaml\n");
            }
            Path root = Files.writeString(dir.resolve("plan.yaml"), "steps: [{runFlow: f0.yaml}]\n");
            LoadResult r = PlanLoader.load(root, LoadOptions.NONE);
            assertThat(r.ok()).isFalse();
            assertThat(r.errors()).extracting(Diagnostic::message).allSatisfy(m -> assertThat(m)
                    .matches("runFlow cycle: .*|runFlow nests deeper than 10 flows"));
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 30)
    void parametersInFlowsAreFilledFromTheNearestInclude(@ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 99) Integer> values)
            throws IOException {
        Path dir = Files.createTempDirectory("flowenv");
        try {
            Files.writeString(dir.resolve("f.yaml"), "- {tool: inputText, text: \"${V}-${W:-w}\"}\n");
            StringBuilder plan = new StringBuilder("env: {W: top}\nsteps:\n");
            for (int v : values) plan.append("- {runFlow: f.yaml, env: {V: \"").append(v).append("\"}}\n");
            Path root = Files.writeString(dir.resolve("plan.yaml"), plan.toString());
            Plan p = PlanLoader.load(root, new LoadOptions(Map.of(), Map.of())).orThrow();
            assertThat(p.steps()).extracting(s -> ((ToolStep) s).params().get("text").asText())
                    .isEqualTo(values.stream().map(v -> v + "-top").toList());
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
