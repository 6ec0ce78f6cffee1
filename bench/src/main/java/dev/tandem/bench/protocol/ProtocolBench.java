package dev.tandem.bench.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runner-protocol figures of BENCHMARKS.md (issue 4), printed as Markdown table rows:
 * no-op command latency over loopback with keep-alive, 10,000 mutating commands with and without
 * an uptime preflight, and the journal's added cost per mutating command by durability.
 * Each figure is measured {@code --runs} times; the best run and the spread are reported.
 *
 * <pre>
 * mvn -q -o -pl protocol,device,runner,daemon,cli,bench package -DskipTests   # or install them
 * java -cp "$(ls cli/target/lib/*.jar | tr '\n' :)bench/target/classes" dev.tandem.bench.protocol.ProtocolBench
 * </pre>
 */
public final class ProtocolBench {
    private static final AtomicLong IDS = new AtomicLong();
    private static final String COUNTER = "com.tandem.counter";

    private ProtocolBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        int runs = Integer.parseInt(a.getOrDefault("runs", "5"));
        int pings = Integer.parseInt(a.getOrDefault("pings", "20000"));
        int mutations = Integer.parseInt(a.getOrDefault("mutations", "10000"));
        int journalCommands = Integer.parseInt(a.getOrDefault("journal-commands", "5000"));
        Path home = Files.createTempDirectory(Path.of(a.getOrDefault("home-parent", System.getProperty("java.io.tmpdir"))),
                "tandem-bench-");
        List<String> rows = new ArrayList<>();
        System.err.println("machine: " + Machine.describe() + "; date " + LocalDate.now() + "; home " + home);

        StateDir state = new StateDir(home).ensure();
        RunnerLauncher launcher = new RunnerLauncher(state, Map.of("TANDEM_RUNNER_PREWARM", "1"), 0);
        RunnerHandle h = launcher.start(new RunnerLauncher.Launch("bench", PlatformProfile.of("sim"), null, 0, Map.of()),
                RunnerLauncher.Artifact.current());
        RunnerClient client = new RunnerClient(new RunnerClient.Runners() {
            @Override
            public RunnerHandle current(String deviceId) {
                return h;
            }

            @Override
            public RunnerHandle replace(String deviceId, RunnerHandle dead) {
                throw new IllegalStateException("the benchmark runner died; see " + state.logs());
            }
        });
        try {
            check(client.execute("bench", id(), Tool.LAUNCH_APP, Json.object().put("appId", COUNTER), 30_000));
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                pings(client, pings / 4, null); // warm-up
                Latencies l = new Latencies(pings);
                pings(client, pings, l);
                p50.add(l.percentileMs(50));
                p99.add(l.percentileMs(99));
                System.err.printf("ping run %d: p50 %s p99 %s p99.9 %s (load %s)%n", r + 1, Latencies.ms(l.percentileMs(50)),
                        Latencies.ms(l.percentileMs(99)), Latencies.ms(l.percentileMs(99.9)), Machine.load());
            }
            rows.add(row("No-op command (`ping`) via RunnerClient, loopback keep-alive, " + pings + " calls: p50", "≤ 0.3 ms", p50, "ms"));
            rows.add(row("No-op command (`ping`) via RunnerClient, loopback keep-alive, " + pings + " calls: p99", "≤ 2 ms", p99, "ms"));

            rows.addAll(preflight(client, h, runs, mutations, Tool.TAP_ON, Json.object().put("id", "explanation"), "mutating commands (`tapOn`)"));
            rows.addAll(preflight(client, h, runs, mutations, Tool.PING, null, "no-op commands (`ping`)"));
        } finally {
            h.client().send("POST", "/v1/shutdown", new byte[0], 2_000);
            h.client().close();
        }
        rows.addAll(JournalCost.measure(home, runs, journalCommands));

        System.out.println("| figure | target | best (spread) |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("Machine: " + Machine.describe() + ". Date: " + LocalDate.now() + ".");
    }

    static String row(String what, String target, List<Double> runs, String unit) {
        return "| " + what + " | " + target + " | " + Latencies.bestAndSpread(runs, unit) + " |";
    }

    private static void pings(RunnerClient client, int n, Latencies into) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            CommandRecord r = client.execute("bench", id(), Tool.PING, null, 5_000);
            long t = System.nanoTime() - t0;
            check(r);
            if (into != null) into.add(t);
        }
    }

    /**
     * {@code n} commands without and {@code n} with an uptime GET before each (benchmark only), in
     * alternating batches so that load from elsewhere hits both alike; rows for both wall times and their ratio.
     */
    private static List<String> preflight(RunnerClient client, RunnerHandle h, int runs, int n, Tool tool, ObjectNode params,
            String what) throws InterruptedException {
        timed(client, h, n / 5, tool, params, false); // warm-up
        timed(client, h, n / 5, tool, params, true);
        List<Double> plain = new ArrayList<>();
        List<Double> pre = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        int batch = Math.max(1, n / 20);
        for (int r = 0; r < runs; r++) {
            double without = 0;
            double with = 0;
            for (int done = 0; done < n; done += batch) {
                without += timed(client, h, batch, tool, params, false);
                with += timed(client, h, batch, tool, params, true);
            }
            plain.add(without);
            pre.add(with);
            ratios.add(without / with);
            System.err.printf("%s run %d: without preflight %.2f s, with %.2f s, ratio %.2f (load %s)%n", tool, r + 1, without, with,
                    without / with, Machine.load());
        }
        double best = plain.stream().mapToDouble(Double::doubleValue).min().orElseThrow()
                / pre.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return List.of(
                row(n + " " + what + ", no preflight: wall time", "—", plain, "s"),
                row(n + " " + what + ", uptime preflight before each (benchmark only): wall time", "—", pre, "s"),
                "| " + n + " " + what + ": wall-time ratio no preflight / preflight (best runs; per-run spread) | ≈ 0.5 | "
                        + Latencies.format(best, "x") + " (" + Latencies.format(min(ratios), "x") + "–"
                        + Latencies.format(max(ratios), "x") + ", " + runs + " runs) |");
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** Wall time in seconds of {@code n} commands, each after an uptime GET when {@code preflight}. */
    private static double timed(RunnerClient client, RunnerHandle h, int n, Tool tool, ObjectNode params, boolean preflight)
            throws InterruptedException {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (preflight && RunnerClient.uptime(h, 5_000) == null) throw new IllegalStateException("uptime failed");
            check(client.execute("bench", id(), tool, params, 10_000));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static String id() {
        return "b-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
    }

    private static void check(CommandRecord r) {
        if (r.state() != CommandState.COMPLETED) throw new IllegalStateException("command failed: " + r.error());
    }

    /** Reads --key value pairs. */
    static final class Args {
        static Map<String, String> parse(String[] args) {
            Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --key value, got " + args[i]);
                m.put(args[i].substring(2), args[i + 1]);
            }
            return m;
        }
    }

    /** This machine, as BENCHMARKS.md states it. */
    static final class Machine {
        static String describe() {
            String cpu = "unknown CPU";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            } catch (IOException ignored) {
                // not Linux: the core count still says enough
            }
            return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), JDK " + Runtime.version()
                    + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
        }

        /** The 1-minute load average: the machine is shared, so each run says how busy it was. */
        static String load() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            } catch (IOException e) {
                return "?";
            }
        }
    }
}
