package dev.tandem.bench.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable journal's cost per mutating command: three runners, identical but for
 * {@code --durability none|write|fsync}, take the same taps in turn (so load from elsewhere hits
 * all three alike); the added cost is each one's p50 minus NONE's.
 */
final class JournalCost {
    private static final String[] LEVELS = {"none", "write", "fsync"};

    private JournalCost() {}

    static List<String> measure(Path home, int runs, int commands) throws Exception {
        List<BenchRunner> runners = new ArrayList<>();
        try {
            for (String level : LEVELS) runners.add(new BenchRunner(home, "journal-" + level, level));
            ObjectNode tap = Json.object().put("id", "explanation");
            for (BenchRunner r : runners) {
                r.run("launchApp", Json.object().put("appId", "com.tandem.counter"));
                for (int i = 0; i < 500; i++) r.run("tapOn", tap); // warm-up
            }
            List<List<Double>> p50 = new ArrayList<>();
            List<Double> addedWrite = new ArrayList<>();
            List<Double> addedFsync = new ArrayList<>();
            for (int i = 0; i < LEVELS.length; i++) p50.add(new ArrayList<>());
            for (int run = 0; run < runs; run++) {
                List<Latencies> lat = new ArrayList<>();
                for (int i = 0; i < LEVELS.length; i++) lat.add(new Latencies(commands));
                // round robin, one command each: load from elsewhere hits all three alike
                for (int done = 0; done < commands; done++) {
                    for (int i = 0; i < LEVELS.length; i++) {
                        long t0 = System.nanoTime();
                        runners.get(i).run("tapOn", tap);
                        lat.get(i).add(System.nanoTime() - t0);
                    }
                }
                double none = lat.get(0).percentileMs(50);
                for (int i = 0; i < LEVELS.length; i++) p50.get(i).add(lat.get(i).percentileMs(50));
                addedWrite.add((lat.get(1).percentileMs(50) - none) * 1000);
                addedFsync.add((lat.get(2).percentileMs(50) - none) * 1000);
                System.err.printf("journal run %d: p50 none %s, write %s, fsync %s (load %s)%n", run + 1, Latencies.ms(none),
                        Latencies.ms(lat.get(1).percentileMs(50)), Latencies.ms(lat.get(2).percentileMs(50)),
                        ProtocolBench.Machine.load());
            }
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < LEVELS.length; i++) {
                rows.add(ProtocolBench.row("Mutating command (`tapOn`), journal durability " + LEVELS[i] + ": p50", "—", p50.get(i), "ms"));
            }
            rows.add(ProtocolBench.row("Durable journal WRITE (default): added p50 per mutating command vs none", "—", addedWrite, "us"));
            rows.add(ProtocolBench.row("Durable journal FSYNC: added p50 per mutating command vs none", "—", addedFsync, "us"));
            return rows;
        } finally {
            runners.forEach(BenchRunner::close);
        }
    }
}
