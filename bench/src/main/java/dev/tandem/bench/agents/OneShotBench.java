package dev.tandem.bench.agents;

import dev.tandem.bench.core.Cli;
import dev.tandem.bench.core.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-shot device commands as a shell-driven agent runs them: {@code tandem tap --device sim-1 @eN}
 * through the real launcher (CLI JVM start included) with a warm daemon and runner, on the login
 * app's "remember me" checkbox (a tap that keeps the screen). Its goal is ≤ 150 ms per command;
 * agent-device pays ~750 ms.
 */
public final class OneShotBench {
    private OneShotBench() {}

    static final int SAMPLES = 30;

    /**
     * With {@code -Dtandem.baseline=DIR} (bench/run.sh's BASELINE), the same commands through that
     * checkout's launcher and its own daemon, sample for sample in turn with this one's.
     */
    public static void run() throws Exception {
        String baseline = System.getProperty("tandem.baseline", "");
        try (Cli cli = new Cli("instant"); Cli base = baseline.isEmpty() ? null : new Cli("instant", Path.of(baseline))) {
            String ref = warm(cli);
            String baseRef = base == null ? null : warm(base);
            List<Double> tap = new ArrayList<>();
            List<Double> snapshot = new ArrayList<>();
            List<Double> baseTap = new ArrayList<>();
            List<Double> baseSnapshot = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                tap.add(cli.ok("tap", "--device", "sim-1", ref).wallMs());
                if (base != null) baseTap.add(base.ok("tap", "--device", "sim-1", baseRef).wallMs());
                snapshot.add(cli.ok("snapshot", "--device", "sim-1").wallMs());
                if (base != null) baseSnapshot.add(base.ok("snapshot", "--device", "sim-1").wallMs());
            }
            Stats.row("command", "p50", "p90", "max", "samples");
            Stats.row("---", "---", "---", "---", "---");
            report("`tandem tap --device sim-1 " + ref + "`", tap);
            report("`tandem snapshot --device sim-1`", snapshot);
            if (base != null) {
                report("baseline `tandem tap` (" + baseline + ")", baseTap);
                report("baseline `tandem snapshot`", baseSnapshot);
            }
        }
    }

    /** Starts the daemon and sim-1's runner, finds the checkbox's ref, warms the page cache and CDS. */
    private static String warm(Cli cli) throws Exception {
        cli.ok("launch", "--device", "sim-1", "com.example.login");
        String tree = cli.ok("snapshot", "--device", "sim-1").out();
        Matcher m = Pattern.compile("@(e\\d+) \\S+ [^\\n]*#remember").matcher(tree);
        if (!m.find()) throw new IllegalStateException("no #remember in the login screen:\n" + tree);
        String ref = "@" + m.group(1);
        for (int i = 0; i < 5; i++) cli.ok("tap", "--device", "sim-1", ref);
        return ref;
    }

    private static void report(String what, List<Double> samples) {
        double[] s = Stats.sorted(samples);
        Stats.row(what, Stats.ms(Stats.percentile(s, 50)), Stats.ms(Stats.percentile(s, 90)), Stats.ms(s[s.length - 1]),
                String.valueOf(s.length));
    }
}
