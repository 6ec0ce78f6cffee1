package dev.tandem.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Single-device plans that say where they run, through the CLI on real devices: an unencoded
 * data: URL on Chromium, a url plan that names no platform, and a suite mixing sim and web plans.
 */
class PlanPlatformIT {
    static final String WEB_PLAN = """
            platform: web
            steps:
            - {tool: launchApp, url: "data:text/html,<h1>Hello</h1><p>50% {off} & more</p>"}
            - {tool: assertVisible, text: Hello}
            - {tool: screenshot, path: shots/hello.png}
            """;
    static Tandem tandem;

    @BeforeAll
    static void start() throws Exception {
        boolean present = WebIT.chromiumPresent();
        if (!present && "1".equals(System.getenv("TANDEM_REQUIRE_CHROMIUM"))) {
            throw new AssertionError("Chromium is required (TANDEM_REQUIRE_CHROMIUM=1) but missing: apt-get install -y chromium");
        }
        assumeThat(present).as("Chromium is installed").isTrue();
        tandem = new Tandem();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tandem == null) return;
        Tandem.Result stop = tandem.run("daemon", "stop");
        assertThat(stop.exit()).as(stop.all()).isZero();
        assertThat(tandem.awaitNoProcesses(20_000)).as("no runner or Chromium of ours outlives `daemon stop`").isEmpty();
        tandem.close();
    }

    @Test
    void anUnencodedDataUrlOpensOnAWebDeviceAndTheScreenshotLandsAtItsPath() throws Exception {
        Path plan = tandem.write("hello.yaml", WEB_PLAN);
        Tandem.Result v = tandem.run("validate", plan.toString());
        assertThat(v.exit()).as(v.all()).isZero();
        Tandem.Result r = tandem.run("run", plan.toString(), "-o", "data");
        assertThat(r.exit()).as(r.all()).isZero();
        Path runDir = onlyDir(tandem.work.resolve("data"));
        assertThat(Json.tree(Files.readAllBytes(runDir.resolve("results.json"))).path("devices").path("default")
                .path("device").asText()).startsWith("web-");
        assertThat(runDir.resolve("shots/hello.png")).as("screenshot {path} is honoured, inside the run dir").isNotEmptyFile();
    }

    @Test
    void aUrlPlanWithoutPlatformNamesBothFixesBeforeAnythingRuns() throws Exception {
        Path plan = tandem.write("noplatform.yaml", "steps: [{tool: launchApp, url: \"https://example.com\"}]\n");
        Tandem.Result r = tandem.run("run", plan.toString(), "-o", "noplat");
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.all()).contains("platform: web").contains("--platform web");
        Tandem.Result bad = tandem.run("validate", tandem.write("bad.yaml",
                "platform: web\nsteps: [{tool: launchApp, url: \"example.com/x\"}]\n").toString());
        assertThat(bad.exit()).as(bad.all()).isEqualTo(2);
        assertThat(bad.all()).contains("it has no scheme");
    }

    @Test
    void shardModeAllRunsEachPlanOfAMixedSuiteOnAFittingDevice() throws Exception {
        Files.createDirectories(tandem.work.resolve("mixed"));
        tandem.write("mixed/sim-counter.yaml", "steps: [{tool: launchApp, appId: com.tandem.counter}]\n");
        tandem.write("mixed/web-hello.yaml", WEB_PLAN);
        Tandem.Result r = tandem.run("test", "mixed", "--shards", "2", "--shard-mode", "all", "-o", "suite");
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode suite = Json.tree(Files.readAllBytes(onlyDir(tandem.work.resolve("suite")).resolve("results.json")));
        Map<String, Integer> runsOnFitting = new HashMap<>();
        for (JsonNode run : suite.path("runs")) {
            String device = run.path("devices").path("default").path("device").asText();
            String path = run.path("path").asText();
            assertThat(device).as(path).startsWith(path.contains("web-") ? "web-" : "sim-");
            runsOnFitting.merge(path.contains("web-") ? "web" : "sim", 1, Integer::sum);
        }
        assertThat(runsOnFitting).as("every plan on every shard").containsEntry("web", 2).containsEntry("sim", 2);
    }

    private static Path onlyDir(Path parent) throws Exception {
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
