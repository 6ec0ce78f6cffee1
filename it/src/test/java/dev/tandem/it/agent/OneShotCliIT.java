package dev.tandem.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-shot commands as a shell-driven agent types them, against a real daemon and runner:
 * an element named by the ref, the id or the text the snapshot shows; `--json` output; a miss.
 */
class OneShotCliIT {
    static Tandem tandem;

    @BeforeAll
    static void start() throws Exception {
        tandem = new Tandem().env("TANDEM_SIM_LATENCY", "instant");
    }

    @AfterAll
    static void stop() throws Exception {
        tandem.close();
    }

    @Test
    void refsIdsAndTextsFromTheSnapshotNameTheElementTheSnapshotShows() throws Exception {
        Tandem.Result launch = tandem.run("launch", "--device", "sim-1", "com.example.login");
        assertThat(launch.exit()).as(launch.all()).isZero();
        Tandem.Result before = tandem.run("snapshot", "--device", "sim-1");
        assertThat(before.out()).contains("checkbox \"Remember me\" #remember [unchecked]");

        Tandem.Result byId = tandem.run("tap", "--device", "sim-1", "#remember");
        assertThat(byId.exit()).as(byId.all()).isZero();
        assertThat(byId.out()).startsWith("sim-1: tapOn checkbox \"Remember me\" #remember · ");
        Tandem.Result after = tandem.run("snapshot", "--device", "sim-1");
        assertThat(after.out()).contains("checkbox \"Remember me\" #remember [checked]");

        Matcher ref = Pattern.compile("@(e\\d+) checkbox \"Remember me\"").matcher(after.out());
        assertThat(ref.find()).as(after.out()).isTrue();
        Tandem.Result byRef = tandem.run("tap", "--device", "sim-1", "@" + ref.group(1), "--json");
        assertThat(byRef.exit()).as(byRef.all()).isZero();
        JsonNode reply = Json.tree(byRef.out().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reply.path("device").asText()).isEqualTo("sim-1");
        assertThat(reply.path("tool").asText()).isEqualTo("tapOn");
        assertThat(reply.path("element").asText()).isEqualTo("checkbox \"Remember me\" #remember");
        assertThat(reply.path("result").path("ref").asText()).isEqualTo(ref.group(1));
        assertThat(reply.path("durationMs").isIntegralNumber()).isTrue();
        assertThat(tandem.run("snapshot", "--device", "sim-1").out()).contains("#remember [unchecked]");

        Tandem.Result tree = tandem.run("snapshot", "--device", "sim-1", "--json");
        assertThat(tree.exit()).as(tree.all()).isZero();
        JsonNode snap = Json.tree(tree.out().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(snap.path("device").asText()).isEqualTo("sim-1");
        assertThat(snap.path("app").asText()).isEqualTo("com.example.login");
        assertThat(snap.findValues("id")).extracting(JsonNode::asText).contains("remember", "sign_in");

        Tandem.Result byText = tandem.run("tap", "--device", "sim-1", "Remember me");
        assertThat(byText.exit()).as(byText.all()).isZero();
        assertThat(tandem.run("snapshot", "--device", "sim-1").out()).contains("#remember [checked]");
    }

    @Test
    void aMissNamesWhatIsOnScreenInstead() throws Exception {
        assertThat(tandem.run("launch", "--device", "sim-1", "com.example.login").exit()).isZero();
        Tandem.Result miss = tandem.run("tap", "--device", "sim-1", "#no_such", "--timeout", "300", "--json");
        assertThat(miss.exit()).as(miss.all()).isEqualTo(1);
        JsonNode error = Json.tree(miss.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)).path("error");
        assertThat(error.path("code").asText()).isEqualTo("ELEMENT_NOT_FOUND");
        assertThat(error.path("message").asText()).contains("{id: \"no_such\"}").contains("Closest on screen");
    }
}
