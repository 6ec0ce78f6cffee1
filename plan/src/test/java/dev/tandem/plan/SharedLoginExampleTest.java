package dev.tandem.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** examples/shared-login loads as its comments say (PlanLanguageIT runs it). */
class SharedLoginExampleTest {
    static final Path DIR = Path.of("..", "examples", "shared-login");

    @Test
    void twoUsersSignInWithTheSharedFlowOnEachDevice() {
        Plan p = PlanLoader.load(DIR.resolve("two-users.yaml"), LoadOptions.NONE).orThrow();
        assertThat(p.tags()).containsExactly("smoke", "login");
        assertThat(p.flows()).singleElement().satisfies(f -> assertThat(f).endsWith("flows/sign-in.yaml"));
        assertThat(p.steps()).filteredOn(s -> s instanceof ToolStep t && t.tool() == dev.tandem.protocol.Tool.INPUT_TEXT)
                .extracting(s -> ((ToolStep) s).device() + " " + ((ToolStep) s).params().get("text").asText())
                .containsExactly("A ada@example.com", "A correct-horse", "B grace@example.com", "B correct-horse");
        Plan given = PlanLoader.load(DIR.resolve("two-users.yaml"), new LoadOptions(Map.of("USER_B", "bob@example.com"), Map.of()))
                .orThrow();
        assertThat(given.secrets().mask(PlanExplainer.render(given))).doesNotContain("bob@example.com");
    }

    @Test
    void theFlowAloneNeedsItsPassword() {
        LoadResult r = PlanLoader.load(DIR.resolve("flows/sign-in.yaml"), LoadOptions.NONE);
        assertThat(r.errors()).extracting(Diagnostic::message).containsExactly("parameter '${PASSWORD}' is not defined");
        assertThat(PlanLoader.load(DIR.resolve("wrong-password.yaml"), LoadOptions.NONE).orThrow().tags()).containsExactly("login", "slow");
    }
}
