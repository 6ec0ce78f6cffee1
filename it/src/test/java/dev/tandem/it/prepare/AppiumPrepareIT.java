package dev.tandem.it.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.daemon.prepare.appium.AppiumInstall;
import dev.tandem.daemon.prepare.appium.AppiumInstalls;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tandem prepare --platform appium} for real: npm installs Appium 3.8.0 and the fake driver
 * from the npm registry into this test's own cache (npm's own download cache, ~/.npm, is reused),
 * the health check starts a real server. Miss, hit, and a deleted driver rebuilt once. Needs Node:
 * skipped without it, saying so, unless TANDEM_REQUIRE_APPIUM=1 (scripts/test.sh), where that fails.
 */
class AppiumPrepareIT {

    @BeforeEach
    void requireNode() {
        boolean node = works("node", "--version") && works("npm", "--version");
        if (!node && "1".equals(System.getenv("TANDEM_REQUIRE_APPIUM"))) {
            throw new AssertionError("Node.js with npm is required (TANDEM_REQUIRE_APPIUM=1) but missing: install Node.js 20.19+ (nodejs.org)");
        }
        assumeTrue(node, "Node.js with npm is not installed: this test installs Appium with npm (install Node.js 20.19+ to run it)");
    }

    @Test
    void missThenHitThenADeletedDriverIsRebuiltOnce() throws Exception {
        try (PrepareFixture t = PrepareFixture.onDistribution()) {
            Path cache = t.home.resolve("cache");
            JsonNode miss = t.prepare("--platform", "appium");
            assertThat(miss.path("ok").asBoolean()).as(miss.toString()).isTrue();
            assertThat(miss.path("platform").asText()).isEqualTo("appium");
            assertThat(miss.path("cache").asText()).isEqualTo("miss");
            assertThat(miss.path("defaulted").asBoolean()).as("no devices file: the fake driver").isTrue();
            assertThat(miss.path("drivers")).isEqualTo(Json.toTree(java.util.Map.of("Fake", "6.2.4")));
            String key = miss.path("artifactKey").asText();
            assertThat(key).matches("[0-9a-f]{16}");
            Path dir = cache.resolve("appium").resolve(key);
            assertThat(miss.path("installDir").asText()).isEqualTo(dir.toString());
            AppiumInstall found = AppiumInstalls.find(cache, Set.of("Fake")).orElseThrow();
            assertThat(found.dir()).isEqualTo(dir);
            assertThat(found.appiumBin()).isExecutable();
            assertThat(t.processes()).as("no npm, node or Appium process outlives the prepare").isEmpty();

            JsonNode hit = t.prepare("--platform", "appium");
            assertThat(hit.path("cache").asText()).as(hit.toString()).isEqualTo("hit");
            assertThat(hit.path("artifactKey").asText()).isEqualTo(key);
            assertThat(hit.path("timing").path("healthMs").asLong()).isPositive();
            assertThat(hit.has("recoveryReason")).isFalse();

            CacheLayout.deleteTree(dir.resolve("home/node_modules/@appium/fake-driver"));
            assertThat(AppiumInstalls.find(cache, Set.of("Fake"))).as("a run never uses the broken install").isEmpty();
            JsonNode rebuilt = t.prepare("--platform", "appium");
            assertThat(rebuilt.path("ok").asBoolean()).as(rebuilt.toString()).isTrue();
            assertThat(rebuilt.path("cache").asText()).isEqualTo("rebuilt");
            assertThat(rebuilt.path("recoveryReason").asText()).contains("fake-driver/package.json is missing");
            assertThat(rebuilt.has("failureReason")).isFalse();
            assertThat(AppiumInstalls.find(cache, Set.of("Fake"))).isPresent();
            assertThat(t.processes()).isEmpty();
            try (var s = Files.list(cache.resolve("appium"))) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".lock", key);
            }

            Tandem.Result text = t.run("prepare", "--platform", "appium");
            assertThat(text.exit()).as(text.all()).isZero();
            assertThat(text.out()).contains("appium: ready, hit, install " + key + " (Appium 3.8.0; Fake 6.2.4, the default)")
                    .contains("install 0, health");
            assertThat(text.err()).contains("installing the fake driver");

            // kill -9 of a prepare during its health check: the server goes with it (its stdin watchdog)
            Process killed = t.start("prepare", "--platform", "appium");
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (t.processes().stream().noneMatch(AppiumPrepareIT::isAppiumServer)) {
                assertThat(killed.isAlive()).as("the prepare is still in its health check").isTrue();
                assertThat(System.nanoTime() - deadline).as("an Appium server started").isNegative();
                killed.waitFor(50, TimeUnit.MILLISECONDS);
            }
            killed.destroyForcibly(); // SIGKILL
            killed.waitFor(10, TimeUnit.SECONDS);
            deadline = System.nanoTime() + 20_000_000_000L;
            for (long pid : t.processes()) {
                var h = ProcessHandle.of(pid);
                if (h.isPresent()) {
                    try {
                        h.get().onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        throw new AssertionError("process " + pid + " (" + h.get().info().commandLine().orElse("?")
                                + ") outlived the killed prepare by 20 s", e);
                    }
                }
            }
            assertThat(t.processes()).as("no process of the killed prepare is left").isEmpty();

            System.out.printf("appium prepare (Appium 3.8.0 + fake driver, npm cache warm): miss %d ms (install %d, health %d);"
                    + " hit %d ms (health %d); rebuild %d ms (install %d, health %d)%n",
                    miss.path("durationMs").asLong(), miss.at("/timing/buildMs").asLong(), miss.at("/timing/healthMs").asLong(),
                    hit.path("durationMs").asLong(), hit.at("/timing/healthMs").asLong(),
                    rebuilt.path("durationMs").asLong(), rebuilt.at("/timing/buildMs").asLong(), rebuilt.at("/timing/healthMs").asLong());
        }
    }

    @Test
    void aBrokenDevicesFileFailsBeforeInstallingAnything() throws Exception {
        try (PrepareFixture t = PrepareFixture.onDistribution()) {
            Path file = t.plan("devices.yaml", "sources:\n  - {type: sim, count: many}\n");
            Tandem.Result r = t.run("prepare", "--platform", "appium", "--json", "--devices", file.toString());
            assertThat(r.exit()).as(r.all()).isEqualTo(3);
            JsonNode json = Json.tree(r.out().getBytes(StandardCharsets.UTF_8));
            assertThat(json.path("ok").asBoolean()).isFalse();
            assertThat(json.path("failureCode").asText()).isEqualTo("PREPARE_FAILED");
            assertThat(json.path("failureReason").asText()).contains(file.toString()).contains("2:");
            assertThat(t.home.resolve("cache/appium")).doesNotExist();
        }
    }

    private static boolean isAppiumServer(long pid) {
        try {
            String cmdline = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
            return cmdline.contains("node_modules/.bin/appium server");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
