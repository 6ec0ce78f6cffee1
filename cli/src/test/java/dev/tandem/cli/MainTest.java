package dev.tandem.cli;

import dev.tandem.cli.commands.Command;
import dev.tandem.cli.commands.Context;
import dev.tandem.cli.commands.Errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process for what needs no daemon: usage errors, help, validate. */
class MainTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        Context ctx = new Context(Map.of("TANDEM_HOME", dir.resolve("home").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return Main.run(args, ctx);
    }

    @Test
    void unknownCommandSuggestsTheClosestAndExitsTwo() {
        assertThat(run("rnu", "x.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command 'rnu'").contains("Did you mean 'run'?");
    }

    @Test
    void unknownOptionExitsTwo() {
        assertThat(run("validate", "--bogus", "x.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("--bogus");
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        for (Command c : Commands.ALL) assertThat(out.toString()).contains(c.name());
    }

    @Test
    void validateReportsPositionsAndExitsTwo() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "devices: [A]\nsteps:\n  - tool: tapOn\n    txt: hi\n");
        Path good = Files.writeString(dir.resolve("good.yaml"), "steps:\n  - tool: launchApp\n    appId: com.example.login\n");
        assertThat(run("validate", good.toString())).isZero();
        assertThat(out.toString()).contains("valid");
        assertThat(run("validate", bad.toString(), good.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml:4:").contains("txt");
    }

    @Test
    void validateListsTheFirstFiftyErrorsAndCountsTheRest() throws Exception {
        StringBuilder yaml = new StringBuilder("steps:\n");
        for (int i = 0; i < 5_000; i++) yaml.append("- {tool: wait, ms: -1}\n");
        Path bad = Files.writeString(dir.resolve("many.yaml"), yaml.toString());
        assertThat(run("validate", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("many.yaml: 5000 errors (the first 50 below)")
                .contains("… and 4950 more errors: fix these first and validate again");
        assertThat(err.size()).as("bounded output").isLessThan(20_000);
        out.reset();
        assertThat(run("validate", "--json", bad.toString())).isEqualTo(2);
        var json = dev.tandem.protocol.Json.tree(out.toByteArray()).get(0);
        assertThat(json.path("errors").size()).isEqualTo(50);
        assertThat(json.path("errorCount").asInt()).isEqualTo(5000);
        assertThat(json.path("moreErrors").asInt()).isEqualTo(4950);
    }

    @Test
    void validateSaysAUrlPlanWithoutPlatformNeedsWeb() throws Exception {
        Path plan = Files.writeString(dir.resolve("url.yaml"), "steps: [{tool: launchApp, url: \"https://example.com\"}]\n");
        assertThat(run("validate", plan.toString())).isZero();
        assertThat(out.toString()).contains("note: plan step 0 opens a url, so the plan needs a web device: "
                + "add `platform: web` to the plan, or run it with --platform web");
        out.reset();
        Path web = Files.writeString(dir.resolve("web.yaml"), "platform: web\nsteps: [{tool: launchApp, url: \"https://example.com\"}]\n");
        assertThat(run("validate", web.toString())).isZero();
        assertThat(out.toString()).doesNotContain("note:");
    }

    @Test
    void validateJsonIsMachineReadable() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "steps:\n  - tool: tapOnn\n    text: hi\n");
        assertThat(run("validate", "--json", bad.toString())).isEqualTo(2);
        var json = dev.tandem.protocol.Json.tree(out.toByteArray());
        assertThat(json.get(0).path("ok").asBoolean()).isFalse();
        assertThat(json.get(0).path("errors").get(0).path("line").asInt()).isEqualTo(2);
    }

    @Test
    void runOfAMissingPlanExitsTwoWithoutStartingADaemon() {
        assertThat(run("run", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("PLAN_NOT_FOUND");
        assertThat(dir.resolve("home").resolve("daemon.json")).doesNotExist();
    }

    @Test
    void bareTandemIsAUsageErrorThatShowsTheCommands() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: tandem COMMAND").contains("run");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void daemonStatusOnAStoppedDaemonExitsNonZero() {
        assertThat(run("daemon", "status")).isEqualTo(3);
        assertThat(out.toString()).contains("no daemon running");
        assertThat(run("daemon", "status", "--json")).isEqualTo(3);
    }

    @Test
    void sessionsNeverStartsADaemon() {
        assertThat(run("sessions")).isZero();
        assertThat(out.toString()).contains("no daemon running").contains("no leases");
        assertThat(dir.resolve("home").resolve("daemon.json")).doesNotExist();
        out.reset();
        assertThat(run("sessions", "--json")).isZero();
        assertThat(dev.tandem.protocol.Json.tree(out.toByteArray()).path("leases").isArray()).isTrue();
    }

    /** Every --json error, whatever its cause, is one object: {error: {code, message, hint, exitCode}}. */
    @Test
    void jsonErrorsHaveOneShape() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "steps:\n  - tool: tapOn\n    txt: hi\n");
        String[][] cases = {
                {"run", "--json", dir.resolve("nope.yaml").toString()},   // missing plan
                {"run", "--json", "--bogus", bad.toString()},              // usage
                {"rnu", "--json"},                                         // unknown command
        };
        for (String[] args : cases) {
            out.reset();
            int exit = run(args);
            var json = dev.tandem.protocol.Json.tree(out.toByteArray());
            assertThat(json.path("error").path("code").isTextual()).as(String.join(" ", args) + " → " + out).isTrue();
            assertThat(json.path("error").path("message").isTextual()).isTrue();
            assertThat(json.path("error").path("hint").isTextual()).isTrue();
            assertThat(json.path("error").path("exitCode").asInt()).isEqualTo(exit);
        }
    }

    @Test
    void validationErrorsInJsonUseTheErrorShapeWithFlatDiagnostics() {
        var diags = dev.tandem.protocol.Json.MAPPER.createArrayNode();
        diags.addObject().put("file", "p.yaml").put("line", 3).put("column", 5).put("message", "unknown key 'txt'").put("hint", "text");
        Context ctx = new Context(Map.of("TANDEM_HOME", dir.resolve("home").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(Errors.validation(ctx, "p.yaml", diags, true)).isEqualTo(2);
        var json = dev.tandem.protocol.Json.tree(out.toByteArray());
        assertThat(json.path("error").path("code").asText()).isEqualTo("VALIDATION");
        assertThat(json.path("error").path("diagnostics").get(0).path("line").asInt()).isEqualTo(3);
    }

    @Test
    void validateCountsStepsAsARunDoes() throws Exception {
        // 2 top-level steps + 3 inside the section; the section block and the barrier are no steps
        Path plan = Files.writeString(dir.resolve("cs.yaml"), """
                devices: [A, B]
                steps:
                  - {tool: launchApp, device: A, appId: com.chat.app}
                  - {tool: launchApp, device: B, appId: com.chat.app}
                  - tool: criticalSection
                    params:
                      lock: room
                      steps:
                        - {tool: inputText, params: {device: A, text: Hello}}
                        - {tool: imeAction, params: {device: A, action: send}}
                        - {tool: systemTray, params: {device: B, action: find, notification: {body: Hello}}}
                  - tool: barrier
                """);
        assertThat(run("validate", plan.toString())).isZero();
        assertThat(out.toString()).contains("valid (5 steps, 2 devices)");
    }
}
