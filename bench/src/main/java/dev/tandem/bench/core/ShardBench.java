package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * 24 plans of varied length (0.2–2.5 s) on 4 sim devices with {@code --shards 4}: the makespan
 * without history (round-robin) and with history (longest first), against total plan time / 4.
 */
public final class ShardBench {
    private ShardBench() {}

    public static void run() throws Exception {
        try (Cli cli = new Cli("instant")) {
            Path dir = Files.createDirectories(cli.work.resolve("suite"));
            long[] waits = {2500, 300, 1800, 200, 900, 1200, 2200, 400, 700, 1500, 250, 2000,
                    600, 1100, 350, 1700, 800, 2400, 450, 1300, 1000, 550, 1900, 1600};
            for (int i = 0; i < waits.length; i++) {
                Files.writeString(dir.resolve(String.format("plan-%02d.yaml", i)), "steps:\n  - tool: launchApp\n    appId: com.example.login\n"
                        + "  - tool: wait\n    ms: " + waits[i] + "\n  - tool: assertVisible\n    id: email\n");
            }
            cli.ok("test", "suite", "--shards", "4", "-o", "warm");
            Files.deleteIfExists(cli.home.resolve("history").resolve("durations.json"));
            cli.ok("test", "suite", "--shards", "4", "-o", "nohistory");
            JsonNode none = suiteResults(cli, "nohistory");
            cli.ok("test", "suite", "--shards", "4", "-o", "history");
            JsonNode with = suiteResults(cli, "history");
            Stats.row("metric", "no history (round-robin)", "with history (longest first)");
            Stats.row("---", "---", "---");
            Stats.row("makespan (suite wall)", none.path("durationMs").asLong() + " ms", with.path("durationMs").asLong() + " ms");
            Stats.row("total plan time / 4", Stats.num(total(none) / 4.0) + " ms", Stats.num(total(with) / 4.0) + " ms");
            Stats.row("makespan ÷ (total / 4)", Stats.num(none.path("durationMs").asLong() / (total(none) / 4.0)),
                    Stats.num(with.path("durationMs").asLong() / (total(with) / 4.0)));
            Stats.row("busiest shard ÷ (total / 4)", Stats.num(busiest(none) / (total(none) / 4.0)),
                    Stats.num(busiest(with) / (total(with) / 4.0)));
        }
    }

    private static JsonNode suiteResults(Cli cli, String out) throws Exception {
        try (Stream<Path> dirs = Files.list(cli.work.resolve(out))) {
            Path d = dirs.max(Comparator.comparing(Path::toString)).orElseThrow();
            return Json.tree(Files.readAllBytes(d.resolve("results.json")));
        }
    }

    private static double total(JsonNode suite) {
        double t = 0;
        for (JsonNode r : suite.path("runs")) t += r.path("durationMs").asLong();
        return t;
    }

    private static double busiest(JsonNode suite) {
        long max = 0;
        for (JsonNode s : suite.path("shards")) max = Math.max(max, s.path("busyMs").asLong());
        return max;
    }
}
