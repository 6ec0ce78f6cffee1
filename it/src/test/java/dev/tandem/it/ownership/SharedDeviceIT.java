package dev.tandem.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Two processes that want one device: one waits (or fails at once when asked not to); never both drive it. */
class SharedDeviceIT {

    @Test
    void secondProcessWaitsOrFailsWithDeviceUnavailable() throws Exception {
        try (Tandem tandem = new Tandem()) {
            Path holding = tandem.write("holding.yaml", Plans.holding(3_000));
            Path quick = tandem.write("quick.yaml", Plans.QUICK);
            assertThat(tandem.run("run", quick.toString(), "--device", "sim:1", "-o", "warmup").exit()).isZero();

            Process first = tandem.start("run", holding.toString(), "--device", "sim:1", "-o", "first");
            awaitBusy(tandem, "sim-1");

            Tandem.Result refused = tandem.run("run", quick.toString(), "--device", "sim:1", "--no-wait", "-o", "refused");
            assertThat(refused.exit()).as(refused.all()).isEqualTo(3);
            assertThat(refused.all()).contains("DEVICE_UNAVAILABLE").contains("sim-1").contains("pid");

            Tandem.Result snapshot = tandem.run("snapshot", "--device", "sim-1");
            assertThat(snapshot.exit()).as("a look while a run holds the device: " + snapshot.all()).isZero();
            assertThat(snapshot.out()).contains("com.example.login");

            Tandem.Result waited = tandem.run("run", quick.toString(), "--device", "sim:1", "-o", "waited");
            assertThat(waited.exit()).as(waited.all()).isZero();
            assertThat(Tandem.finish(first, 60_000).exit()).isZero();

            JsonNode a = results(tandem.work.resolve("first"));
            JsonNode b = results(tandem.work.resolve("waited"));
            long aEnd = lastEnd(a, tandem);
            long bStart = firstStart(b, tandem);
            assertThat(bStart).as("the waiting run starts after the holder ends").isGreaterThanOrEqualTo(aEnd);
        }
    }

    private static void awaitBusy(Tandem tandem, String device) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Tandem.Result r = tandem.run("devices", "--json");
            for (JsonNode d : Json.tree(r.out().getBytes())) {
                if (d.path("id").asText().equals(device) && d.path("state").asText().equals("busy")) return;
            }
        }
        throw new AssertionError(device + " never became busy");
    }

    private static JsonNode results(Path out) throws Exception {
        try (Stream<Path> dirs = Files.list(out)) {
            return Json.tree(Files.readAllBytes(dirs.findFirst().orElseThrow().resolve("results.json")));
        }
    }

    /** Wall-clock end of the run's last command, from the device's journal (shared clock across processes). */
    private static long lastEnd(JsonNode run, Tandem tandem) throws Exception {
        return journalTimes(run, tandem).max().orElseThrow();
    }

    private static long firstStart(JsonNode run, Tandem tandem) throws Exception {
        return journalTimes(run, tandem).min().orElseThrow();
    }

    private static java.util.stream.LongStream journalTimes(JsonNode run, Tandem tandem) throws Exception {
        String runId = run.path("runId").asText();
        Path journal = tandem.home.resolve("journal").resolve("sim-1");
        java.util.List<Long> times = new java.util.ArrayList<>();
        try (Stream<Path> boots = Files.list(journal)) {
            for (Path boot : boots.toList()) {
                for (String line : Files.readAllLines(boot)) {
                    JsonNode l = Json.tree(line.getBytes());
                    if (l.path("id").asText().startsWith(runId + "-")) times.add(l.path("t").asLong());
                }
            }
        }
        return times.stream().mapToLong(Long::longValue);
    }
}
