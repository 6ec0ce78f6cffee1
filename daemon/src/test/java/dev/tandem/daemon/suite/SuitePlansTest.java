package dev.tandem.daemon.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.plan.LoadOptions;
import dev.tandem.plan.Plan;
import dev.tandem.plan.PlanLoader;
import dev.tandem.plan.TagFilter;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --tags over a suite's plans. */
class SuitePlansTest {
    static Plan plan(String tags) {
        return PlanLoader.parse((tags == null ? "" : "tags: " + tags + "\n") + "steps: [{tool: wait, ms: 1}]\n", "p.yaml", LoadOptions.NONE)
                .orThrow();
    }

    static Map<String, Plan> suite() {
        Map<String, Plan> plans = new LinkedHashMap<>();
        plans.put("a.yaml", plan("[smoke]"));
        plans.put("b.yaml", plan("[smoke, slow]"));
        plans.put("c.yaml", plan(null));
        plans.put("d.yaml", plan("[payments]"));
        return plans;
    }

    @Test
    void wantedAndExcludedTagsChoosePlansInOrder() {
        assertThat(SuitePlans.chosen(suite(), TagFilter.parse("smoke,!slow")).keySet()).containsExactly("a.yaml");
        assertThat(SuitePlans.chosen(suite(), TagFilter.parse("smoke,payments")).keySet()).containsExactly("a.yaml", "b.yaml", "d.yaml");
        assertThat(SuitePlans.chosen(suite(), TagFilter.parse("!slow")).keySet()).containsExactly("a.yaml", "c.yaml", "d.yaml");
        assertThat(SuitePlans.chosen(suite(), TagFilter.parse(null)).keySet()).hasSize(4);
    }

    @Test
    void noMatchingPlanIsAUsageErrorNamingTheTagsThereAre() {
        assertThatThrownBy(() -> SuitePlans.chosen(suite(), TagFilter.parse("nightly")))
                .isInstanceOf(TandemException.class).hasMessageContaining("no plan matches `tags` nightly (4 plans; their tags: payments, slow, smoke)")
                .satisfies(e -> assertThat(((TandemException) e).code()).isEqualTo(ErrorCode.USAGE));
    }
}
