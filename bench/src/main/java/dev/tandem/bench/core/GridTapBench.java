package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tapOn} on a Grid web device vs a local web device (the same plan through the CLI, warm
 * daemon; each Grid run opens its session, the span over the taps excludes that) vs chromedriver
 * through the same Grid (a plain W3C client: find by CSS, click), interleaved round by round. Needs
 * a Grid with at least two free Chrome slots at {@code GRID_URL} (default http://127.0.0.1:4444,
 * e.g. examples/grid/start-local-grid.sh).
 */
public final class GridTapBench {
    private static final int TAPS = 50;
    private static final int ROUNDS = 8;
    static final String PAGE = "data:text/html,<meta name=viewport content='width=device-width'>"
            + "<button id=b onclick=\"this.textContent='Tap '+(++n)\">Tap</button><script>var n=0</script>";

    private GridTapBench() {}

    public static void run() throws Exception {
        String grid = System.getenv().getOrDefault("GRID_URL", "http://127.0.0.1:4444");
        try (Cli cli = new Cli("instant")) {
            Path devices = cli.write("devices.yaml", "sources:\n  - {type: web, count: 1}\n  - {type: grid, url: \"" + grid + "\", slots: 1}\n");
            StringBuilder plan = new StringBuilder("platform: web\nsteps:\n  - {tool: launchApp, url: \"" + PAGE.replace("\"", "\\\"") + "\"}\n");
            for (int i = 0; i < TAPS; i++) plan.append("  - {tool: tapOn, id: b}\n");
            Path taps = cli.write("taps.yaml", plan.toString());
            String[] local = {"run", taps.toString(), "--devices", devices.toString(), "--device", "default=web:web-1"};
            String[] onGrid = {"run", taps.toString(), "--devices", devices.toString(), "--device", "default=grid:web"};
            cli.ok(AppiumTapBench.concat(local, "-o", "warm"));
            cli.ok(AppiumTapBench.concat(onGrid, "-o", "warm"));
            try (AppiumTapBench.Raw raw = new AppiumTapBench.Raw(grid, Map.of("browserName", "chrome",
                    "goog:chromeOptions", Map.of("args", List.of("--headless=new", "--no-sandbox"))), "css selector", "#b")) {
                raw.navigate(PAGE);
                for (int i = 0; i < TAPS; i++) raw.tap();
                List<Double> localSpan = new ArrayList<>(), gridSpan = new ArrayList<>(), gridWall = new ArrayList<>();
                List<Double> rawSpan = new ArrayList<>(), rawCall = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    if (r % 2 == 1) AppiumTapBench.rawBatch(raw, TAPS, rawSpan, rawCall);
                    localSpan.add(span(cli, cli.ok(AppiumTapBench.concat(local, "-o", "local")), "local", "web-1"));
                    Cli.Result g = cli.ok(AppiumTapBench.concat(onGrid, "-o", "grid"));
                    gridWall.add(g.wallMs());
                    gridSpan.add(span(cli, g, "grid", "grid-web-1"));
                    if (r % 2 == 0) AppiumTapBench.rawBatch(raw, TAPS, rawSpan, rawCall);
                }
                double[] ls = Stats.sorted(localSpan), gs = Stats.sorted(gridSpan), gw = Stats.sorted(gridWall), rs = Stats.sorted(rawSpan);
                Stats.row("metric (" + TAPS + " taps a run, " + ROUNDS + " rounds interleaved)", "p50", "p95", "n");
                Stats.row("---", "---", "---", "---");
                Stats.row("Tandem `tapOn`, local web device: plan span / taps", Stats.ms(Stats.percentile(ls, 50)), Stats.ms(Stats.percentile(ls, 95)), ls.length + " runs");
                Stats.row("Tandem `tapOn`, Grid web device: plan span / taps", Stats.ms(Stats.percentile(gs, 50)), Stats.ms(Stats.percentile(gs, 95)), gs.length + " runs");
                Stats.row("raw W3C find + click through the same Grid: batch span / taps", Stats.ms(Stats.percentile(rs, 50)), Stats.ms(Stats.percentile(rs, 95)), rs.length + " batches");
                Stats.row("Grid run wall (CLI, session open and close included)", Stats.ms(Stats.percentile(gw, 50)), Stats.ms(Stats.percentile(gw, 95)), gw.length + " runs");
                Stats.row("ratio Grid tapOn / local tapOn", Stats.num(Stats.percentile(gs, 50) / Stats.percentile(ls, 50)) + "×", "", "");
                Stats.row("ratio Grid tapOn / raw W3C on the Grid", Stats.num(Stats.percentile(gs, 50) / Stats.percentile(rs, 50)) + "×", "", "");
            }
        }
    }

    /** The run's span over its tapOn steps (results.json), per tap; checks it ran on {@code device}. */
    private static double span(Cli cli, Cli.Result res, String out, String device) throws Exception {
        JsonNode results = cli.lastResults(out);
        if (!results.path("devices").toString().contains("\"" + device + "\"")) throw new IllegalStateException("not on " + device + ": " + results.path("devices"));
        long first = Long.MAX_VALUE, last = 0;
        int n = 0;
        for (JsonNode s : results.path("steps")) {
            if (!s.path("tool").asText().equals("tapOn")) continue;
            if (!s.path("status").asText().equals("passed")) throw new IllegalStateException("a tapOn did not pass: " + s);
            first = Math.min(first, s.path("startMs").asLong());
            last = Math.max(last, s.path("startMs").asLong() + s.path("durationMs").asLong());
            n++;
        }
        if (n != TAPS) throw new IllegalStateException("expected " + TAPS + " tapOn steps, results.json has " + n);
        return (double) (last - first) / TAPS;
    }
}
