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

/**
 * A step's timeout bounds the whole step across the processes (issue 10.3): CLI → daemon → runner
 * → a realistic sim phone whose launch takes 250–450 ms, far past a 50 ms timeout.
 */
class StepBoundIT {
    static Tandem tandem;

    @BeforeAll
    static void start() throws Exception {
        tandem = new Tandem().env("TANDEM_SIM_LATENCY", "realistic");
    }

    @AfterAll
    static void stop() throws Exception {
        tandem.close();
    }

    @Test
    void aLaunchPastItsTimeoutFailsWithStepTimeout() throws Exception {
        // a warm runner first: starting one is not part of any step's bound
        Path warm = tandem.write("warm.yaml", "steps:\n  - {tool: pressButton, button: home}\n");
        Tandem.Result w = tandem.run("run", warm.toString(), "--output", "warm-out");
        assertThat(w.exit()).as(w.all()).isZero();
        Path plan = tandem.write("launch-bound.yaml", """
                steps:
                  - {tool: launchApp, appId: com.example.login, timeout: 50}
                  - {tool: assertVisible, id: email}
                """);
        Tandem.Result r = tandem.run("run", plan.toString(), "--output", "bound-out");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.all()).contains("STEP_TIMEOUT");
        JsonNode results = Json.tree(Files.readAllBytes(onlyRunDir("bound-out").resolve("results.json")));
        JsonNode failure = results.path("devices").path("default").path("failure");
        assertThat(failure.path("code").asText()).isEqualTo("STEP_TIMEOUT");
        assertThat(failure.path("message").asText()).contains("50 ms timeout").contains("will not be repeated");
        assertThat(results.path("steps")).hasSize(1);
        // the bound holds: the step ends near 50 ms, not when the 250-450 ms launch is done (generous
        // margin); the failure screenshot taken afterwards for the report is not part of the step
        assertThat(results.path("steps").get(0).path("durationMs").asLong()).isLessThan(240);
    }

    @Test
    void aWaitLongerThanItsTimeoutIsAValidationError() throws Exception {
        Path plan = tandem.write("wait-bound.yaml", "steps:\n  - {tool: wait, ms: 5000, timeout: 1000}\n");
        Tandem.Result r = tandem.run("validate", plan.toString());
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.all()).contains("wait-bound.yaml:2:").contains("cannot finish within its timeout of 1000 ms");
    }

    private static Path onlyRunDir(String output) throws Exception {
        try (Stream<Path> dirs = Files.list(tandem.work.resolve(output))) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
