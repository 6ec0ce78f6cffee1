package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan language of issue 18 through a real daemon and runners, one daemon for the class:
 * examples/shared-login (a shared sign-in sub-flow on two devices, parameters, tags) chosen by
 * --tags, a -e secret that never reaches a file, sub-flow steps named by their own file.
 */
class PlanLanguageIT {
    static final String SECRET = "s3cret-pass-word";
    static Tandem tandem;

    @BeforeAll
    static void start() throws Exception {
        tandem = new Tandem();
        Path suite = tandem.work.resolve("shared-login");
        Files.createDirectories(suite.resolve("flows"));
        for (String f : List.of("two-users.yaml", "wrong-password.yaml", "flows/sign-in.yaml")) {
            Files.copy(Tandem.ROOT.resolve("examples/shared-login").resolve(f), suite.resolve(f));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        tandem.close();
    }

    @Test
    void tagsChooseThePlansAndTheSharedFlowRunsOnBothDevicesWithTheSecretMasked() throws Exception {
        Tandem.Result r = tandem.run("test", "shared-login", "--tags", "smoke,!slow", "-e", "PASSWORD=" + SECRET,
                "-e", "USER_B=grace.hopper@example.com", "-o", "smoke");
        assertThat(r.exit()).as(r.all()).isZero();
        Path dir = onlyDir("smoke");
        JsonNode suite = Json.tree(Files.readAllBytes(dir.resolve("results.json")));
        assertThat(suite.path("runs")).hasSize(1); // two-users only: the flow is not a plan, wrong-password is slow
        JsonNode run = suite.path("runs").get(0);
        assertThat(run.path("path").asText()).isEqualTo("shared-login/two-users.yaml");
        assertThat(run.path("tags").toString()).isEqualTo("[\"smoke\",\"login\"]");
        List<String> typed = new ArrayList<>();
        for (JsonNode s : run.path("steps")) {
            if (s.path("tool").asText().equals("inputText")) {
                typed.add(s.path("device").asText() + " " + s.path("source").asText());
            }
        }
        String flow = dir.getParent().getParent().resolve("shared-login/flows/sign-in.yaml").toString();
        assertThat(typed).hasSize(4).allSatisfy(t -> assertThat(t).contains(flow + ":").contains(" via "));
        assertThat(typed).filteredOn(t -> t.startsWith("A ")).hasSize(2);
        String everything = Files.readString(dir.resolve("results.json")) + Files.readString(dir.resolve("junit.xml")) + r.all();
        assertThat(everything).doesNotContain(SECRET).doesNotContain("grace.hopper@example.com");
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<property name=\"tags\" value=\"smoke,login\"/>");
    }

    @Test
    void theSlowTagChoosesTheOtherPlan() throws Exception {
        Tandem.Result r = tandem.run("test", "shared-login", "--tags", "slow", "-o", "slow");
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode suite = Json.tree(Files.readAllBytes(onlyDir("slow").resolve("results.json")));
        assertThat(suite.path("runs")).hasSize(1);
        assertThat(suite.path("runs").get(0).path("path").asText()).isEqualTo("shared-login/wrong-password.yaml");
        Tandem.Result none = tandem.run("test", "shared-login", "--tags", "nightly", "-o", "none");
        assertThat(none.exit()).as(none.all()).isEqualTo(2);
        assertThat(none.err()).contains("no plan matches --tags nightly (2 plans; their tags: login, slow, smoke)");
    }

    @Test
    void anUndefinedParameterStopsTheRunBeforeAnyDeviceStarts() throws Exception {
        Path plan = tandem.write("undefined.yaml", "steps:\n- {tool: launchApp, appId: \"${TANDEM_IT_NO_SUCH_APP}\"}\n");
        Tandem.Result r = tandem.run("run", plan.toString(), "-o", "undefined");
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("undefined.yaml:2:28: parameter '${TANDEM_IT_NO_SUCH_APP}' is not defined");
        Tandem.Result given = tandem.run("run", plan.toString(), "-e", "TANDEM_IT_NO_SUCH_APP=com.example.login", "-o", "given");
        assertThat(given.exit()).as(given.all()).isZero();
    }

    private static Path onlyDir(String out) throws Exception {
        try (Stream<Path> dirs = Files.list(tandem.work.resolve(out))) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
