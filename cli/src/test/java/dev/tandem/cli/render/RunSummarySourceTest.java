package dev.tandem.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A failed step from a sub-flow is named where it was written. */
class RunSummarySourceTest {
    @Test
    void theRootCauseOfASubFlowStepNamesItsFileAndInclude() {
        String out = RunSummaryTest.finish(RunSummaryTest.FAILED_RUN.replace(
                "{\"planStep\": 1, \"trackStep\": 1, \"device\": \"A\", \"tool\": \"tapOn\", \"status\": \"failed\"}",
                "{\"planStep\": 1, \"trackStep\": 1, \"device\": \"A\", \"tool\": \"tapOn\", \"status\": \"failed\","
                        + " \"source\": \"flows/login.yaml:4:3 via plan.yaml:12:3\"}"));
        assertThat(out).contains("  No element matches {text: \"Sign in\"}\n  the step is written at flows/login.yaml:4:3 via plan.yaml:12:3\n");
        assertThat(RunSummaryTest.finish(RunSummaryTest.FAILED_RUN)).doesNotContain("written at");
    }
}
