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

/** Multi-device plans through real runner processes: the seed chat plan, anchors, fail-fast. */
class MultiDeviceIT {
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
    void seedChatPlanPassesOnTwoSimDevices() throws Exception {
        Tandem.Result r = tandem.run("run", tandem.example("chat.yaml").toString(), "-o", "chat", "--debug");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("[PARALLEL_EXEC] A: SUCCESS - 3/3 steps").contains("[PARALLEL_EXEC] B: SUCCESS - 2/2 steps");
        JsonNode res = results("chat");
        assertThat(res.path("devices").path("A").path("device").asText()).isNotEqualTo(res.path("devices").path("B").path("device").asText());
        JsonNode verify = null;
        for (JsonNode s : res.path("steps")) if (s.path("label").asText().equals("Verify notification")) verify = s;
        assertThat(verify.path("device").asText()).isEqualTo("B");
        assertThat(verify.path("planStep").asInt()).isEqualTo(2);
        assertThat(verify.path("trackStep").asInt()).isEqualTo(1);
        assertThat(Files.readString(onlyDir("chat").resolve("junit.xml"))).contains("tests=\"2\"");
    }

    @Test
    void anchorsAndBarrierPlanPasses() throws Exception {
        Tandem.Result r = tandem.run("run", tandem.example("clock-tabs.yaml").toString(), "-o", "clock");
        assertThat(r.exit()).as(r.all()).isZero();
    }

    @Test
    void aFailingDeviceReleasesItsWaitingPeerAtOnce() throws Exception {
        Path plan = tandem.write("failfast.yaml", """
                name: fail fast
                devices: [A, B]
                steps:
                  - {tool: launchApp, device: A, appId: com.example.login}
                  - {tool: launchApp, device: B, appId: com.example.login}
                  - {tool: assertVisible, device: B, text: "Not on this screen", timeout: 300}
                  - tool: barrier
                    timeout: 60000
                  - {tool: tapOn, device: A, id: email}
                """);
        long t0 = System.nanoTime();
        Tandem.Result r = tandem.run("run", plan.toString(), "-o", "failfast");
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("[PARALLEL_EXEC] B: FAILED - 2/2 steps").contains("[PARALLEL_EXEC] A: ABORTED - 1/2 steps")
                .contains("[PARALLEL_EXEC] B: Failed at plan step 2 (track step 1): ELEMENT_NOT_FOUND");
        assertThat(r.out()).contains("PEER_FAILED").contains("device B failed at plan step 2");
        JsonNode res = results("failfast");
        assertThat(res.path("rootCause").path("device").asText()).isEqualTo("B");
        assertThat(res.path("rootCause").path("failure").path("code").asText()).isEqualTo("ELEMENT_NOT_FOUND");
        assertThat(wallMs).as("released long before the 60 s rendezvous bound").isLessThan(30_000);
    }

    private static Path onlyDir(String out) throws Exception {
        try (Stream<Path> dirs = Files.list(tandem.work.resolve(out))) {
            return dirs.findFirst().orElseThrow();
        }
    }

    private static JsonNode results(String out) throws Exception {
        return Json.tree(Files.readAllBytes(onlyDir(out).resolve("results.json")));
    }
}
