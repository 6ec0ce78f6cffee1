package dev.tandem.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
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
 * A web plan cannot carry Tandem's tokens out: launchApp refuses the state dir's files, and a
 * token that reaches a failure message anyway is masked in results.json, junit.xml and the CLI.
 */
class WebSandboxIT {
    static Tandem tandem;

    @BeforeAll
    static void start() throws Exception {
        assumeThat(WebIT.chromiumPresent() || "1".equals(System.getenv("TANDEM_REQUIRE_CHROMIUM"))).as("Chromium is installed").isTrue();
        tandem = new Tandem();
        Tandem.Result up = tandem.run("daemon", "start");
        assertThat(up.exit()).as(up.all()).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tandem == null) return;
        tandem.run("daemon", "stop");
        tandem.awaitNoProcesses(20_000);
        tandem.close();
    }

    private static String daemonToken() throws Exception {
        return Json.tree(Files.readAllBytes(tandem.home.resolve("daemon.json"))).path("token").asText();
    }

    /** Every token of the state dir: the daemon's and each runner's. */
    private static List<String> tokens() throws Exception {
        List<String> all = new ArrayList<>(List.of(daemonToken()));
        try (Stream<Path> files = Files.list(tandem.home.resolve("runners"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                all.add(Json.tree(Files.readAllBytes(f)).path("token").asText());
            }
        }
        return all;
    }

    private static Path runDir(String out) throws Exception {
        try (Stream<Path> dirs = Files.list(tandem.work.resolve(out))) {
            return dirs.findFirst().orElseThrow();
        }
    }

    private static void assertNoToken(Tandem.Result r, String out) throws Exception {
        String results = Files.readString(runDir(out).resolve("results.json"));
        String junit = Files.readString(runDir(out).resolve("junit.xml"));
        for (String token : tokens()) {
            assertThat(token).hasSizeGreaterThan(8);
            assertThat(results).as("results.json").doesNotContain(token);
            assertThat(junit).as("junit.xml").doesNotContain(token);
            assertThat(r.all()).as("CLI output").doesNotContain(token);
        }
    }

    @Test
    void launchAppCannotOpenTheDaemonsStateFile() throws Exception {
        Path plan = tandem.write("leak.yaml", "steps:\n"
                + "  - tool: launchApp\n    url: \"" + tandem.home.resolve("daemon.json").toUri() + "\"\n"
                + "  - tool: assertVisible\n    text: Nothing like this\n    timeout: 200\n");
        Tandem.Result r = tandem.run("run", plan.toString(), "--device", "web:pixel-7", "-o", "leak", "--json");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode failure = Json.tree(Files.readAllBytes(runDir("leak").resolve("results.json"))).path("devices").path("default")
                .path("failure");
        assertThat(failure.path("code").asText()).as(r.all()).isEqualTo("FILE_NOT_ALLOWED");
        assertThat(failure.path("planStep").asInt()).isZero();
        assertNoToken(r, "leak");
    }

    @Test
    void aTokenShownByAPageIsMaskedInEveryOutput() throws Exception {
        String token = daemonToken();
        Path plan = tandem.write("shown.yaml", "steps:\n"
                + "  - tool: launchApp\n    url: \"data:text/html,<title>Shown</title><p>token " + token + "</p>\"\n"
                + "  - tool: assertVisible\n    text: Nothing like this\n    timeout: 200\n");
        Tandem.Result r = tandem.run("run", plan.toString(), "--device", "web:pixel-7", "-o", "shown");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        String results = Files.readString(runDir("shown").resolve("results.json"));
        assertThat(results).as("the failure still says what the page showed").contains("token ***");
        assertNoToken(r, "shown");
    }
}
