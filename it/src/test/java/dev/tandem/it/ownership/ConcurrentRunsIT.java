package dev.tandem.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Eight CLI processes at once on eight distinct sim devices, 200 runs in all: every run passes and
 * each runner's journal holds only commands of runs that leased its device.
 */
class ConcurrentRunsIT {
    static final int DEVICES = 8;
    static final int ROUNDS = 25;

    @Test
    void eightProcessesOnEightDevicesNeverCrossTalk() throws Exception {
        try (Tandem tandem = new Tandem()) {
            Path plan = tandem.write("quick.yaml", Plans.QUICK);
            assertThat(tandem.run("daemon", "start").exit()).isZero();
            List<Thread> workers = new ArrayList<>();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int d = 1; d <= DEVICES; d++) {
                String device = "sim:" + d;
                workers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        try {
                            Tandem.Result r = tandem.run("run", plan.toString(), "--device", device, "--no-wait");
                            if (r.exit() != 0) failures.add(device + ": " + r.all());
                        } catch (Exception e) {
                            failures.add(device + ": " + e);
                        }
                    }
                }));
            }
            for (Thread w : workers) w.join();
            assertThat(failures).isEmpty();

            Map<String, Set<String>> runsByDevice = new HashMap<>();
            int runs = 0;
            try (Stream<Path> dirs = Files.list(tandem.work.resolve("tandem-out"))) {
                for (Path dir : dirs.toList()) {
                    JsonNode r = Json.tree(Files.readAllBytes(dir.resolve("results.json")));
                    assertThat(r.path("status").asText()).isEqualTo("passed");
                    String device = r.path("devices").path("default").path("device").asText();
                    runsByDevice.computeIfAbsent(device, k -> new HashSet<>()).add(r.path("runId").asText());
                    runs++;
                }
            }
            assertThat(runs).isEqualTo(DEVICES * ROUNDS);
            assertThat(runsByDevice).hasSize(DEVICES);
            for (var e : runsByDevice.entrySet()) {
                Path journal = tandem.home.resolve("journal").resolve(e.getKey());
                int lines = 0;
                try (Stream<Path> boots = Files.list(journal)) {
                    for (Path boot : boots.toList()) {
                        for (String line : Files.readAllLines(boot)) {
                            String id = Json.tree(line.getBytes()).path("id").asText();
                            String runId = id.substring(0, id.lastIndexOf('-'));
                            assertThat(e.getValue()).as("journal of %s holds %s", e.getKey(), id).contains(runId);
                            lines++;
                        }
                    }
                }
                assertThat(lines).as("journal lines of " + e.getKey()).isGreaterThanOrEqualTo(ROUNDS * 3);
            }
        }
    }
}
