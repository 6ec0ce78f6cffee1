package dev.tandem.bench.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./tandem run} of a 5-step plan: warm (daemon and runner up) and cold (no daemon); the
 * CLI's own start ({@code --version}); a sim runner's resident memory after the runs. With
 * {@code -Dtandem.baseline=DIR} (bench/run.sh: {@code BASELINE=DIR}) every sample is taken on
 * that checkout's launcher too, alternating with this one, so both see the same load.
 */
public final class StartupBench {
    private StartupBench() {}

    /** One checkout under test and its samples. */
    private record Tree(String name, Cli cli, Path plan, List<Double> version, List<Double> cold, List<Double> warm) {
        Tree(String name, Cli cli) throws Exception {
            this(name, cli, cli.write("five.yaml", Plans.singleDevice("five", 5)), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
        }

        double run() throws Exception {
            return cli.ok("run", plan.toString(), "--device", "sim:1", "-o", "out").wallMs();
        }
    }

    public static void run() throws Exception {
        String baseline = System.getProperty("tandem.baseline", "");
        List<Tree> trees = new ArrayList<>();
        try {
            if (!baseline.isBlank()) trees.add(new Tree("baseline " + Path.of(baseline).getFileName(), new Cli("instant", Path.of(baseline))));
            trees.add(new Tree(baseline.isBlank() ? "" : "this tree", new Cli("instant")));
            for (int i = 0; i < 10; i++) for (Tree t : trees) t.version().add(t.cli().ok("--version").wallMs());
            for (int i = 0; i < 5; i++) {
                for (Tree t : trees) {
                    t.cli().ok("daemon", "stop");
                    t.cold().add(t.run());
                }
            }
            for (int i = 0; i < 10; i++) for (Tree t : trees) t.warm().add(t.run());
            List<String[]> memory = new ArrayList<>();
            for (Tree t : trees) {
                long runner = t.cli().runnerPid("sim-1");
                long rss = rssKb(runner);
                t.cli().ok("snapshot", "--device", "sim-1");
                t.cli().ok("run", t.cli().write("shot.yaml", "steps:\n  - tool: screenshot\n    name: s\n").toString(), "--device",
                        "sim:1", "-o", "out");
                memory.add(new String[] {label("sim runner RSS after runs", t), (rss / 1024) + " MB", "", "", "1"});
                memory.add(new String[] {label("sim runner RSS after a screenshot", t), (rssKb(runner) / 1024) + " MB", "", "", "1"});
            }
            Stats.row("metric", "median", "best", "worst", "n");
            Stats.row("---", "---", "---", "---", "---");
            for (Tree t : trees) row(label("`tandem --version` (CLI JVM start)", t), t.version());
            for (Tree t : trees) row(label("`tandem run` 5 steps, warm daemon + runner", t), t.warm());
            for (Tree t : trees) row(label("`tandem run` 5 steps, cold (daemon + runner start)", t), t.cold());
            for (String[] m : memory) Stats.row(m);
        } finally {
            for (Tree t : trees) t.cli().close();
        }
    }

    private static String label(String metric, Tree t) {
        return t.name().isEmpty() ? metric : metric + " — " + t.name();
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
