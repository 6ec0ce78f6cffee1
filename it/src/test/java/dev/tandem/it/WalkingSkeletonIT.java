package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walking skeleton end to end: CLI → daemon → runner process → sim device, and back. */
class WalkingSkeletonIT {
    static Tandem tandem;

    @BeforeAll
    static void start() throws Exception {
        tandem = new Tandem();
    }

    @AfterAll
    static void stop() throws Exception {
        tandem.close();
    }

    @Test
    void loginPlanPassesAndWritesResults() throws Exception {
        Tandem.Result r = tandem.run("run", tandem.example("login.yaml").toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("PASSED");
        Path runDir = onlyRunDir();
        JsonNode results = Json.tree(Files.readAllBytes(runDir.resolve("results.json")));
        assertThat(results.path("status").asText()).isEqualTo("passed");
        assertThat(results.path("steps").size()).isEqualTo(9);
        assertThat(results.path("devices").path("default").path("steps").path("run").asInt()).isEqualTo(9);
        assertThat(Files.readString(runDir.resolve("junit.xml"))).contains("<testsuite name=\"login\"").contains("tests=\"1\"");
        assertThat(runDir.resolve("screenshots")).isDirectory();
    }

    @Test
    void wrongTextFailsWithElementNotFoundAndClosestMatches() throws Exception {
        String plan = Files.readString(Tandem.ROOT.resolve("examples/login.yaml"))
                .replace("\"Welcome, ada@example.com\"", "\"Welcome, Grace\"");
        Path p = tandem.write("login-wrong.yaml", plan);
        Tandem.Result r = tandem.run("run", p.toString(), "--output", "wrong-out");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.all()).contains("ELEMENT_NOT_FOUND").contains("Welcome, Grace").contains("Welcome, ada@example.com");
        assertThat(r.all()).contains("[PARALLEL_EXEC] default: FAILED");
    }

    @Test
    void malformedPlanExitsTwo() throws Exception {
        Path p = tandem.write("broken.yaml", "steps:\n  - tool: tapOn\n    txt: Sign in\n  - tool: [oops\n");
        Tandem.Result r = tandem.run("run", p.toString());
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        Tandem.Result v = tandem.run("validate", p.toString());
        assertThat(v.exit()).isEqualTo(2);
        assertThat(v.err()).contains("broken.yaml:");
    }

    @Test
    void snapshotListsElementsWithRefs() throws Exception {
        Tandem.Result r = tandem.run("snapshot", "--device", "sim-3");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("@e1").contains("Login");
    }

    private static Path onlyRunDir() throws Exception {
        try (Stream<Path> dirs = Files.list(tandem.work.resolve("tandem-out"))) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
