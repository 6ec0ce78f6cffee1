package dev.tandem.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** Discovery with the plan language: tandem.env.* fill in parameters, a plan's tags are its JUnit tags. */
class EnginePlanLanguageTest {
    @TempDir
    Path dir;

    TestDescriptor discover(Path plan, String... config) {
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectFile(plan.toFile()));
        for (int i = 0; i < config.length; i += 2) request.configurationParameter(config[i], config[i + 1]);
        return new TandemTestEngine().discover(request.build(), UniqueId.forEngine(TandemTestEngine.ID)).getChildren().iterator().next();
    }

    @Test
    void tandemEnvValuesFillInTheParameters() throws Exception {
        Path plan = Files.writeString(dir.resolve("p.yaml"), "steps: [{tool: inputText, text: \"${TANDEM_TEST_JUNIT_USER}\"}]\n");
        assertThat(discover(plan)).isInstanceOf(InvalidPlanDescriptor.class);
        assertThat(discover(plan, "tandem.env.TANDEM_TEST_JUNIT_USER", "ada")).isInstanceOf(PlanDescriptor.class);
    }

    @Test
    void aPlansTagsAreItsJunitTags() throws Exception {
        Path plan = Files.writeString(dir.resolve("t.yaml"), "tags: [smoke, login]\nsteps: [{tool: wait, ms: 1}]\n");
        assertThat(discover(plan).getTags()).containsExactlyInAnyOrder(TestTag.create("smoke"), TestTag.create("login"));
    }
}
