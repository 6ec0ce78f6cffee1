package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user reads through the CLI: device choice errors, step and summary lines, suite reports. */
class CliOutputIT {
    static Tandem tandem;

    static final String TWO_DEVICES = """
            devices: [A, B]
            steps:
              - {tool: launchApp, device: A, appId: com.example.login}
              - {tool: launchApp, device: B, appId: com.example.login}
              - {tool: assertVisible, device: B, text: Sign in}
            """;

    @BeforeAll
    static void start() throws Exception {
        tandem = new Tandem();
    }

    @AfterAll
    static void stop() throws Exception {
        tandem.close();
    }

    @Test
    void deviceChoicesThatCanNeverBeServedAreUsageErrorsAtOnce() throws Exception {
        Path plan = tandem.write("two.yaml", TWO_DEVICES);
        long t0 = System.nanoTime();
        Tandem.Result same = tandem.run("run", plan.toString(), "--device", "A=sim:sim-1", "--device", "B=sim:sim-1",
                "--wait-timeout", "60");
        assertThat(same.exit()).as(same.all()).isEqualTo(2);
        assertThat(same.err()).contains("USAGE").contains("both ask for sim-1");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("no wait for the allocation timeout").isLessThan(30_000);
        Tandem.Result id = tandem.run("run", plan.toString(), "--device", "A=sim-1");
        assertThat(id.exit()).as(id.all()).isEqualTo(2);
        assertThat(id.err()).contains("did you mean `sim:sim-1`?");
        Tandem.Result profile = tandem.run("run", plan.toString(), "--device", "A=web:pixle-7");
        assertThat(profile.exit()).as(profile.all()).isEqualTo(2);
        assertThat(profile.err()).contains("no web profile 'pixle-7'").contains("did you mean `web:pixel-7`?");
        Tandem.Result bare = tandem.run("run", plan.toString(), "--device", "A");
        assertThat(bare.exit()).as(bare.all()).isEqualTo(2);
        assertThat(bare.err()).contains("`--device A=sim`");
        Tandem.Result label = tandem.run("run", plan.toString(), "--device", "C=sim");
        assertThat(label.exit()).as(label.all()).isEqualTo(2);
        assertThat(label.err()).contains("no label 'C'");
    }

    @Test
    void aFailingRunShowsSelectorsPrintsTheFailureOnceAndCountsPassedSteps() throws Exception {
        Path plan = tandem.write("fail.yaml", """
                steps:
                  - {tool: launchApp, appId: com.example.login}
                  - {tool: tapOn, text: Sign in}
                  - {tool: tapOn, text: No such button, timeout: 300}
                  - {tool: tapOn, text: Never reached}
                """);
        Tandem.Result r = tandem.run("run", plan.toString(), "-o", "fail");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("✓ tapOn \"Sign in\" (plan 1");
        assertThat(r.out()).contains("FAILED · fail · 1 device · 2 of 4 steps passed");
        String outside = String.join("\n", r.all().lines().filter(l -> !l.startsWith("[PARALLEL_EXEC]")).toList());
        int mentions = outside.split("No element matches", -1).length - 1;
        assertThat(mentions).as("the failure's message once outside the [PARALLEL_EXEC] block:\n" + r.all()).isEqualTo(1);
        JsonNode device = results("fail").path("devices").path("default");
        assertThat(device.path("platform").asText()).isEqualTo("sim");
        assertThat(device.path("profile").asText()).isEqualTo("instant");
    }

    @Test
    void aSuiteNamesTheDevicesEachPlanRanOnAndShardsArePlanSlots() throws Exception {
        Path dir = tandem.work.resolve("suite");
        Files.createDirectories(dir);
        String single = "steps:\n  - {tool: launchApp, appId: com.example.login}\n  - {tool: assertVisible, text: Sign in}\n";
        Files.writeString(dir.resolve("a.yaml"), single);
        Files.writeString(dir.resolve("b.yaml"), TWO_DEVICES);
        Files.writeString(dir.resolve("c.yaml"), single);
        Tandem.Result r = tandem.run("test", "suite", "--shards", "2", "-o", "suite-out");
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode suite = results("suite-out");
        Set<String> used = new HashSet<>();
        for (JsonNode run : suite.path("runs")) {
            StringBuilder shown = new StringBuilder();
            run.path("devices").fields().forEachRemaining(f -> {
                used.add(f.getValue().path("device").asText());
                if (!shown.isEmpty()) shown.append(' ');
                shown.append(f.getKey().equals("default") ? "" : f.getKey() + "=").append(f.getValue().path("device").asText());
            });
            assertThat(r.out()).as("the plan line names the devices it ran on").contains("✓ " + run.path("path").asText() + "  " + shown);
        }
        // 2 shards = 2 plans at once: the two-device plan beside one single-device plan needs 3 devices, not 2 held + 2
        assertThat(used).as("devices used: " + used).hasSizeLessThanOrEqualTo(3);
        assertThat(r.out()).contains("3 of 3 plans passed");
    }

    @Test
    void appNotInstalledPointsAtAppFileWhichInstallsTheDefinitionForTheRun() throws Exception {
        Path plan = tandem.write("notes-plan.yaml", """
                steps:
                  - {tool: launchApp, appId: com.example.notes}
                  - {tool: assertVisible, id: greeting, text: Hello notes}
                """);
        Path app = tandem.write("notes.yaml", """
                appId: com.example.notes
                name: Notes
                screens:
                  - name: list
                    elements:
                      - {id: greeting, role: text, text: Hello notes}
                """);
        Tandem.Result without = tandem.run("run", plan.toString());
        assertThat(without.exit()).as(without.all()).isEqualTo(1);
        assertThat(without.all()).contains("APP_NOT_INSTALLED").contains("--app FILE");
        Tandem.Result with = tandem.run("run", plan.toString(), "--app", app.toString());
        assertThat(with.exit()).as(with.all()).isZero();
        Path bad = tandem.write("bad-app.yaml", "appId: com.example.bad\nscreens: []\n");
        Tandem.Result invalid = tandem.run("run", plan.toString(), "--app", bad.toString());
        assertThat(invalid.exit()).as(invalid.all()).isEqualTo(2);
        assertThat(invalid.err()).contains("VALIDATION").contains("bad-app.yaml");
    }

    static JsonNode results(String out) throws Exception {
        try (Stream<Path> dirs = Files.list(tandem.work.resolve(out))) {
            Path dir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
            return Json.tree(Files.readAllBytes(dir.resolve("results.json")));
        }
    }
}
