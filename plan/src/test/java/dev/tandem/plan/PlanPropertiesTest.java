package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Generated plans keep their order, indices and devices; arbitrary text never throws. */
class PlanPropertiesTest {
    static final List<String> LABELS = List.of("A", "B", "C", "D");

    /**
     * Each entry is a top-level step: a number below 4 is a wait on that device, 4 or more opens a
     * critical section whose steps run on devices (n, n+1, ... mod 4).
     */
    @Property(tries = 200)
    void generatedPlansKeepIndicesAndDevices(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 6) Integer> shape, @ForAll boolean underParams) {
        StringBuilder yaml = new StringBuilder("devices: [A, B, C, D]\nsteps:\n");
        for (int i = 0; i < shape.size(); i++) {
            int n = shape.get(i);
            if (n < 4) {
                yaml.append(underParams ? "- tool: wait\n  params: {ms: " + i + ", device: " + LABELS.get(n) + "}\n"
                        : "- {tool: wait, ms: " + i + ", device: " + LABELS.get(n) + "}\n");
            } else {
                yaml.append("- tool: criticalSection\n  lock: l").append(n).append("\n  steps:\n");
                for (int k = 0; k < n - 2; k++) {
                    yaml.append("  - {tool: wait, ms: ").append(k).append(", device: ").append(LABELS.get((n + k) % 4)).append("}\n");
                }
            }
        }
        Plan plan = PlanLoader.parse(yaml.toString(), "gen.yaml").orThrow();

        assertThat(plan.steps()).hasSize(shape.size());
        for (int i = 0; i < shape.size(); i++) {
            int n = shape.get(i);
            Step step = plan.steps().get(i);
            assertThat(step.planIndex()).isEqualTo(i);
            if (n < 4) {
                ToolStep t = (ToolStep) step;
                assertThat(t.nestedIndex()).isEqualTo(-1);
                assertThat(t.device()).isEqualTo(LABELS.get(n));
                assertThat(t.params().get("ms").asInt()).isEqualTo(i);
            } else {
                CriticalSection s = (CriticalSection) step;
                assertThat(s.lock()).isEqualTo("l" + n);
                assertThat(s.steps()).hasSize(n - 2);
                for (int k = 0; k < n - 2; k++) {
                    ToolStep t = s.steps().get(k);
                    assertThat(t.planIndex()).isEqualTo(i);
                    assertThat(t.nestedIndex()).isEqualTo(k);
                    assertThat(t.device()).isEqualTo(LABELS.get((n + k) % 4));
                }
            }
        }
    }

    @Property(tries = 500)
    void arbitraryTextNeverThrows(@ForAll String text) {
        LoadResult r = PlanLoader.parse(text, "any.yaml");
        assertThat(r.ok() ? r.plan() : r.errors()).isNotNull();
        assertThat(r.errors()).allSatisfy(d -> assertThat(d.pos().line()).isPositive());
    }

    @Property(tries = 300)
    void mutatedSeedPlansNeverThrow(@ForAll @IntRange(min = 0, max = 600) int at, @ForAll char inserted) {
        String seed = """
                devices: ["A", "B"]
                tap: &tap
                  tool: tapOn
                  action: tap
                steps:
                - <<: *tap
                  device: A
                  id: "com.google.android.deskclock:id/tab_menu_alarm"
                - tool: criticalSection
                  params: {lock: x, deviceCount: 2, steps: [{tool: wait, ms: 1, device: A}, {tool: wait, ms: 1, device: B}]}
                """;
        int i = Math.min(at, seed.length());
        LoadResult r = PlanLoader.parse(seed.substring(0, i) + inserted + seed.substring(i), "mut.yaml");
        assertThat(r.ok() ? r.plan() : r.errors()).isNotNull();
    }
}
