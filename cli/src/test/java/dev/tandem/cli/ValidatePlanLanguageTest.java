package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tandem validate with -e, sub-flows and --explain, in-process (no daemon). */
class ValidatePlanLanguageTest {
    @TempDir
    Path dir;

    InProcessCli cli;

    int run(String... args) {
        if (cli == null) cli = new InProcessCli(dir.resolve("home"));
        return cli.run(args);
    }

    @Test
    void anUndefinedParameterIsAnErrorUntilMinusEGivesIt() throws Exception {
        Path plan = Files.writeString(dir.resolve("p.yaml"), "steps:\n- {tool: inputText, text: \"${TANDEM_TEST_UNSET_NAME}\"}\n");
        assertThat(run("validate", plan.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("p.yaml:2:27: parameter '${TANDEM_TEST_UNSET_NAME}' is not defined")
                .contains("pass -e TANDEM_TEST_UNSET_NAME=VALUE");
        assertThat(run("validate", "-e", "TANDEM_TEST_UNSET_NAME=x", plan.toString())).isZero();
    }

    @Test
    void aMalformedMinusEIsAUsageError() throws Exception {
        Path plan = Files.writeString(dir.resolve("p.yaml"), "steps: [{tool: wait, ms: 1}]\n");
        assertThat(run("validate", "-e", "NO_EQUALS", plan.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("-e needs NAME=VALUE");
    }

    @Test
    void errorsInASubFlowNameTheFlowAndTheInclude() throws Exception {
        Files.writeString(dir.resolve("login.yaml"), "- {tool: tapOn, txt: Go}\n");
        Path plan = Files.writeString(dir.resolve("plan.yaml"), "steps:\n- {tool: wait, ms: 1}\n- runFlow: login.yaml\n");
        assertThat(run("validate", plan.toString())).isEqualTo(2);
        assertThat(cli.err()).contains(dir.resolve("login.yaml") + ":1:17 via " + plan + ":3:3: unknown key 'txt'");
        cli.out.reset();
        assertThat(run("validate", "--json", plan.toString())).isEqualTo(2);
        var e = dev.tandem.protocol.Json.tree(cli.out.toByteArray()).get(0).path("errors").get(0);
        assertThat(e.path("file").asText()).isEqualTo(dir.resolve("login.yaml").toString());
        assertThat(e.path("via").asText()).isEqualTo(plan + ":3:3");
    }

    @Test
    void explainPrintsThePlanAsItRunsWithSecretsMasked() throws Exception {
        Files.writeString(dir.resolve("login.yaml"), "- {tool: inputText, text: \"${PASSWORD}\"}\n");
        Path plan = Files.writeString(dir.resolve("plan.yaml"), "devices: [A]\nsteps:\n- {runFlow: login.yaml, device: A}\n");
        assertThat(run("validate", "--explain", "-e", "PASSWORD=hunter22", plan.toString())).isZero();
        assertThat(cli.out()).contains("- {tool: inputText, device: \"A\", text: \"***\"}   # " + dir.resolve("login.yaml")
                + ":1:3 via " + plan + ":3:3").doesNotContain("hunter22");
        assertThat(cli.err()).contains("valid (1 steps)");
    }

    @Test
    void explainConvertsAMaestroFile() throws Exception {
        Path flow = Files.writeString(dir.resolve("m.yaml"), "appId: com.chat.app\n---\n- launchApp\n- tapOn: Send\n");
        assertThat(run("validate", "--explain", flow.toString())).isZero();
        assertThat(cli.out()).contains("- {tool: launchApp, appId: \"com.chat.app\"}\n- {tool: tapOn, text: \"Send\"}\n");
        assertThat(cli.err()).contains("is written in Maestro's way");
    }
}
