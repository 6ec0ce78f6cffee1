package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/plan-format.md stays true: its complete plans load, and the seed plans appear verbatim. */
class DocExamplesTest {
    static final Path DOC = Path.of("..", "docs", "plan-format.md");

    static List<String> yamlBlocks() throws Exception {
        Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        List<String> blocks = new ArrayList<>();
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    @Test
    void everyCompletePlanInTheDocLoads() throws Exception {
        List<String> plans = yamlBlocks().stream().filter(b -> b.lines().anyMatch(l -> l.startsWith("steps:"))).toList();
        assertThat(plans).hasSizeGreaterThanOrEqualTo(5);
        for (String plan : plans) {
            // as if written beside examples/shared-login's plans: the doc's runFlow examples include its real flow
            LoadResult r = PlanLoader.parse(plan, "../examples/shared-login/doc.yaml", LoadOptions.NONE);
            assertThat(r.errors()).as(plan).isEmpty();
        }
    }

    @Test
    void seedPlansAreQuotedVerbatim() throws Exception {
        List<String> blocks = yamlBlocks();
        for (String seed : List.of("chat.yaml", "anchors.yaml")) {
            assertThat(blocks).contains(Files.readString(SeedPlansTest.resource(seed)));
        }
    }
}
