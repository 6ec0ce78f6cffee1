package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code devices.yaml} through the CLI and a real daemon: the default file declares the sources,
 * {@code --devices FILE} names another (a daemon setting), a bad file is a validation error with
 * positions for {@code tandem devices} and {@code tandem run}.
 */
class DevicesFileIT {

    @Test
    void theDaemonOffersWhatTheFileDeclaresAndABadFileIsAValidationErrorWithPositions() throws Exception {
        try (Tandem t = new Tandem()) {
            Files.writeString(t.home.resolve("devices.yaml"), """
                    sources:
                      - {type: sim, count: 2}
                      - {type: sim, name: slow, count: 1, latency: slow-animations}
                      - {type: web, count: 1, profiles: [iphone-15]}
                    """);
            Tandem.Result list = t.run("devices", "--json");
            assertThat(list.exit()).as(list.all()).isZero();
            List<String> rows = new ArrayList<>();
            for (JsonNode d : Json.tree(list.out().getBytes(StandardCharsets.UTF_8))) {
                rows.add(d.path("id").asText() + " " + d.path("platform").asText() + " " + d.path("profile").asText() + " "
                        + d.path("source").asText());
            }
            assertThat(rows).containsExactly("sim-1 sim instant sim", "sim-2 sim instant sim", "sim-3 sim slow-animations slow",
                    "web-1 web iphone-15 web");
            Tandem.Result table = t.run("devices");
            assertThat(table.out()).as("the human table keeps its columns").startsWith(String.format(
                    "%-8s %-9s %-10s %-16s %s%n", "DEVICE", "PLATFORM", "PROFILE", "RUNNER", "STATE"));
            Path plan = t.write("three.yaml", """
                    devices: [A, B, C]
                    steps:
                      - {tool: launchApp, device: A, appId: com.example.login}
                      - {tool: launchApp, device: B, appId: com.example.login}
                      - {tool: launchApp, device: C, appId: com.example.login}
                    """);
            Tandem.Result run = t.run("run", plan.toString(), "--json");
            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(t.run("daemon", "stop").exit()).isZero();

            Path bad = t.write("bad-devices.yaml", "sources:\n  - {type: sim, cont: 2}\n  - {type: grid}\n");
            Tandem.Result refused = t.run("devices", "--devices", bad.toString(), "--json");
            assertThat(refused.exit()).as(refused.all()).isEqualTo(2);
            assertThat(refused.all()).contains("VALIDATION").contains(bad + ":2:17: unknown key 'cont' in a sim source")
                    .contains(bad + ":3:5: a grid source needs the 'url' of the Grid");
            Tandem.Result runRefused = t.run("run", plan.toString(), "--devices", bad.toString());
            assertThat(runRefused.exit()).as(runRefused.all()).isEqualTo(2);
            assertThat(runRefused.all()).contains(bad + ":2:17");
            Tandem.Result other = t.run("devices");
            assertThat(other.err()).as("a daemon started with another --devices is named").contains("TANDEM_DEVICES_FILE=" + bad);
            assertThat(t.run("daemon", "stop").exit()).isZero();
        }
    }
}
