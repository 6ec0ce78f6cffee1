package dev.tandem.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plans on real Chromium devices through the whole stack. Skipped when Chromium is absent, except
 * where TANDEM_REQUIRE_CHROMIUM=1 (CI), which makes its absence a failure.
 */
class WebIT {
    static Tandem tandem;
    /** Every temp dir this class's Chromiums made, seen while they ran. */
    static final Set<Path> chromiumTemps = new TreeSet<>();

    @BeforeAll
    static void start() throws Exception {
        boolean present = chromiumPresent();
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
        // Chromium used to leave a /tmp/org.chromium.Chromium.* dir per start, even after a clean stop.
        assertThat(chromiumTemps).as("the temp dirs our Chromiums made").isNotEmpty()
                .allSatisfy(t -> assertThat(t).as("inside the state dir").startsWithRaw(tandem.home));
        assertThat(chromiumTemps.stream().filter(Files::exists).toList()).as("temp dirs left after `daemon stop`").isEmpty();
        tandem.close();
    }

    @AfterEach
    void noteChromiumTempDirs() throws Exception {
        chromiumTemps.addAll(tandem.chromiumTempDirs());
    }

    static boolean chromiumPresent() {
        if (System.getenv("TANDEM_CHROMIUM") != null) return true;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
                if (Files.isExecutable(Path.of(dir, name))) return true;
            }
        }
        return false;
    }

    @Test
    void webChatPassesOnTwoChromiumDevices_andTwoAtOnceOnFour() throws Exception {
        Path plan = tandem.example("web-chat.yaml");
        Tandem.Result first = tandem.run("run", plan.toString(), "-o", "one");
        assertThat(first.exit()).as(first.all()).isZero();
        // the two runs must overlap for "four distinct devices" to mean anything: a run takes about
        // 0.5 s, less than two CLI starts may lie apart on a loaded machine, so each holds its devices a while
        Path held = tandem.write("web-chat-held.yaml", Files.readString(plan)
                + "- {tool: wait, device: A, ms: 4000}\n- {tool: wait, device: B, ms: 4000}\n");
        Process a = tandem.start("run", held.toString(), "-o", "twoA");
        Process b = tandem.start("run", held.toString(), "-o", "twoB");
        Tandem.Result ra = Tandem.finish(a, 120_000);
        Tandem.Result rb = Tandem.finish(b, 120_000);
        assertThat(ra.exit()).as(ra.all()).isZero();
        assertThat(rb.exit()).as(rb.all()).isZero();
        JsonNode x = results("twoA");
        JsonNode y = results("twoB");
        java.util.Set<String> devices = new java.util.HashSet<>();
        for (JsonNode r : new JsonNode[] {x, y}) {
            r.path("devices").forEach(d -> devices.add(d.path("device").asText()));
        }
        assertThat(devices).as("four distinct Chromium devices").hasSize(4).allMatch(d -> d.startsWith("web-"));
    }

    @Test
    void devicesAndResultsNameTheProfileADeviceRunsWith() throws Exception {
        Path plan = tandem.write("desktop.yaml", "steps:\n  - {tool: launchApp, appId: com.example.login}\n");
        Tandem.Result r = tandem.run("run", plan.toString(), "--device", "web:desktop", "-o", "desktop");
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode device = results("desktop").path("devices").path("default");
        assertThat(device.path("platform").asText()).isEqualTo("web");
        assertThat(device.path("profile").asText()).isEqualTo("desktop");
        Tandem.Result list = tandem.run("devices", "--json");
        JsonNode shown = null;
        for (JsonNode d : Json.tree(list.out().getBytes())) if (d.path("id").asText().equals(device.path("device").asText())) shown = d;
        assertThat(shown).as(list.out()).isNotNull();
        assertThat(shown.path("profile").asText()).as("the profile its runner runs with, not the default").isEqualTo("desktop");
    }

    @Test
    void theSeedChatPlanRunsUnchangedWithPlatformWeb() throws Exception {
        Tandem.Result r = tandem.run("run", tandem.example("chat.yaml").toString(), "--platform", "web", "-o", "seed");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(results("seed").path("devices").path("B").path("device").asText()).startsWith("web-");
    }

    @Test
    void aFailingWebStepCarriesAScreenshotOfThePage() throws Exception {
        Path plan = tandem.write("web-fail.yaml", """
                name: web failure
                steps:
                  - tool: launchApp
                    appId: com.example.login
                  - tool: tapOn
                    text: No such button
                    timeout: 500
                """);
        Tandem.Result r = tandem.run("run", plan.toString(), "--platform", "web", "-o", "fail");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.all()).contains("ELEMENT_NOT_FOUND").contains("Sign in");
        JsonNode failure = results("fail").path("devices").path("default").path("failure");
        Path shot = Path.of(failure.path("screenshot").asText());
        assertThat(shot).exists();
        byte[] png = Files.readAllBytes(shot);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    private static JsonNode results(String out) throws Exception {
        try (Stream<Path> dirs = Files.list(tandem.work.resolve(out))) {
            return Json.tree(Files.readAllBytes(dirs.findFirst().orElseThrow().resolve("results.json")));
        }
    }
}
