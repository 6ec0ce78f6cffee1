package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A 1,000-step single-device plan on a sim device ({@code instant} profile) through the whole stack:
 * CLI → daemon → runner process → device. Warm daemon and runner; five runs.
 */
public final class ThroughputBench {
    private ThroughputBench() {}

    public static void run() throws Exception {
        try (Cli cli = new Cli("instant")) {
            Path plan = cli.write("thousand.yaml", Plans.singleDevice("thousand", 1000));
            cli.ok("run", plan.toString(), "--device", "sim:1", "-o", "warm");
            List<Double> engine = new ArrayList<>();
            List<Double> wall = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Cli.Result r = cli.ok("run", plan.toString(), "--device", "sim:1", "-o", "out");
                JsonNode res = cli.lastResults("out");
                engine.add((double) res.path("durationMs").asLong());
                wall.add(r.wallMs());
            }
            double[] e = Stats.sorted(engine);
            double[] w = Stats.sorted(wall);
            double med = Stats.percentile(e, 50);
            Stats.row("metric", "median of 5", "best", "worst");
            Stats.row("---", "---", "---", "---");
            Stats.row("1,000-step run, daemon-side (ms)", Stats.num(med), Stats.num(e[0]), Stats.num(e[e.length - 1]));
            Stats.row("steps/s (daemon-side)", Stats.num(1000 / (med / 1000)), Stats.num(1000 / (e[0] / 1000)),
                    Stats.num(1000 / (e[e.length - 1] / 1000)));
            Stats.row("per step (ms)", Stats.num(med / 1000), Stats.num(e[0] / 1000), Stats.num(e[e.length - 1] / 1000));
            double wm = Stats.percentile(w, 50);
            Stats.row("whole `tandem run` wall incl. CLI start (ms)", Stats.num(wm), Stats.num(w[0]), Stats.num(w[w.length - 1]));
            Stats.row("steps/s (whole command)", Stats.num(1000 / (wm / 1000)), Stats.num(1000 / (w[0] / 1000)),
                    Stats.num(1000 / (w[w.length - 1] / 1000)));
        }
    }
}
