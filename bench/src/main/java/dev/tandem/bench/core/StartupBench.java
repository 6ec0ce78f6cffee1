package dev.tandem.bench.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./tandem run} of a 5-step plan: warm (daemon and runner up) and cold (no daemon); the
 * CLI's own start ({@code --version}); a sim runner's resident memory after the runs.
 */
public final class StartupBench {
    private StartupBench() {}

    public static void run() throws Exception {
        try (Cli cli = new Cli("instant")) {
            Path plan = cli.write("five.yaml", Plans.singleDevice("five", 5));
            List<Double> version = new ArrayList<>();
            for (int i = 0; i < 10; i++) version.add(cli.ok("--version").wallMs());
            List<Double> cold = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                cli.ok("daemon", "stop");
                cold.add(cli.ok("run", plan.toString(), "--device", "sim:1", "-o", "out").wallMs());
            }
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < 10; i++) warm.add(cli.ok("run", plan.toString(), "--device", "sim:1", "-o", "out").wallMs());
            long runner = cli.runnerPid("sim-1");
            long rss = rssKb(runner);
            cli.ok("snapshot", "--device", "sim-1");
            cli.ok("run", cli.write("shot.yaml", "steps:\n  - tool: screenshot\n    name: s\n").toString(), "--device", "sim:1", "-o", "out");
            long rssAfterShot = rssKb(runner);
            Stats.row("metric", "median", "best", "worst", "n");
            Stats.row("---", "---", "---", "---", "---");
            row("`tandem --version` (CLI JVM start)", version);
            row("`tandem run` 5 steps, warm daemon + runner", warm);
            row("`tandem run` 5 steps, cold (daemon + runner start)", cold);
            Stats.row("sim runner RSS after runs", (rss / 1024) + " MB", "", "", "1");
            Stats.row("sim runner RSS after a screenshot", (rssAfterShot / 1024) + " MB", "", "", "1");
        }
    }

    private static void row(String name, List<Double> values) {
        double[] s = Stats.sorted(values);
        Stats.row(name, Stats.ms(Stats.percentile(s, 50)), Stats.ms(s[0]), Stats.ms(s[s.length - 1]), Integer.toString(s.length));
    }

    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }
}
