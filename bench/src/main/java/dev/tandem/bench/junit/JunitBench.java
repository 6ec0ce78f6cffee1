package dev.tandem.bench.junit;

import dev.tandem.bench.core.Cli;
import dev.tandem.bench.core.Stats;
import dev.tandem.client.RunOutcome;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.state.StateDir;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The seed chat plan (examples/chat.yaml, two sims) through the JUnit engine vs {@code tandem run},
 * interleaved round by round on one warm daemon: the engine in a fresh JVM (a build's test JVM that
 * runs one plan, JVM start included, like the CLI's) and in this warm JVM (each further plan of a
 * build), and the client alone in this JVM (what tandem run does once its JVM is up). Goal: the
 * engine's overhead ≤ 1.1×.
 */
public final class JunitBench {
    private JunitBench() {}

    static final int WARMUP = 3;
    static final int ROUNDS = 20;
    /** One launcher for the warm runs, as a build's test JVM has. */
    static final Launcher LAUNCHER = LauncherFactory.create();

    public static void run() throws Exception {
        try (Cli cli = new Cli("instant")) {
            Path plan = Cli.ROOT.resolve("examples/chat.yaml");
            List<Double> tandemRun = new ArrayList<>();
            List<Double> engineJvm = new ArrayList<>();
            List<Double> engineWarm = new ArrayList<>();
            List<Double> clientWarm = new ArrayList<>();
            for (int i = 0; i < WARMUP + ROUNDS; i++) {
                double c = cli.ok("run", plan.toString(), "--output", "out-cli").wallMs();
                double j = freshJvm(cli, plan, List.of());
                // the two warm paths swap places each round: the one right after a JVM start pays for its exit
                double w;
                double k;
                if (i % 2 == 0) {
                    w = inProcess(cli, plan);
                    k = client(cli, plan);
                } else {
                    k = client(cli, plan);
                    w = inProcess(cli, plan);
                }
                if (i < WARMUP) continue;
                clientWarm.add(k);
                tandemRun.add(c);
                engineJvm.add(j);
                engineWarm.add(w);
            }
            double base = Stats.percentile(Stats.sorted(tandemRun), 50);
            Stats.row("path", "p50", "p90", "p50 / tandem run", "rounds");
            Stats.row("---", "---", "---", "---", "---");
            report("`tandem run examples/chat.yaml`", tandemRun, base);
            report("engine, fresh JVM (launcher + listener)", engineJvm, base);
            report("engine, warm JVM (launcher + listener)", engineWarm, base);
            report("client, warm JVM (`TandemClient.run`, what `tandem run` does after its JVM start)", clientWarm, base);
            double[] e = Stats.sorted(engineWarm);
            double[] c = Stats.sorted(clientWarm);
            System.out.printf("engine's own overhead (warm engine / warm client, p50): %.2f×%n",
                    Stats.percentile(e, 50) / Stats.percentile(c, 50));
        }
    }

    /** The engine in its own JVM, with this JVM's classpath and the bench's environment. */
    private static double freshJvm(Cli cli, Path plan, List<String> jvmFlags) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path err = cli.work.resolve("engine-err.txt");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", absolute(System.getProperty("java.class.path")), EngineMain.class.getName(), plan.toString(),
                cli.work.resolve("out-jvm").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(cli.work.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        pb.environment().putAll(cli.environment());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the engine did not finish the plan within 120 s");
        }
        if (p.exitValue() != 0) throw new IllegalStateException("the chat plan failed through the engine (exit " + p.exitValue() + "): "
                + Files.readString(err));
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The classpath with every entry absolute: the child runs in the bench's work dir. */
    private static String absolute(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The engine in this JVM: the daemon env comes in as configuration parameters. */
    private static double inProcess(Cli cli, Path plan) {
        Map<String, String> params = new HashMap<>();
        cli.environment().forEach((k, v) -> params.put("tandem.daemon.env." + k, v));
        params.put("tandem.output", cli.work.resolve("out-warm").toString());
        long t0 = System.nanoTime();
        if (!EngineMain.run(LAUNCHER, plan, params)) {
            throw new IllegalStateException("the chat plan failed through the engine in this JVM");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The same run request as tandem run's, through the client in this JVM. */
    private static double client(Cli cli, Path plan) {
        long t0 = System.nanoTime();
        try (TandemClient c = TandemClient.connect(StateDir.resolve(cli.environment()), cli.environment(), true)) {
            RunOutcome o = c.run(new RunRequest(plan.toString(), Map.of(), null, null, null, cli.work.resolve("out-client").toString(),
                    RunRequest.DEFAULT_WAIT_MS, ProcessHandle.current().pid(), null, List.of()), e -> { });
            if (!(o instanceof RunOutcome.Finished f && f.result().status() == RunStatus.PASSED)) throw new IllegalStateException("the chat plan failed through the client: " + o);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void report(String what, List<Double> samples, double base) {
        double[] s = Stats.sorted(samples);
        double p50 = Stats.percentile(s, 50);
        Stats.row(what, Stats.ms(p50), Stats.ms(Stats.percentile(s, 90)), String.format("%.2f×", p50 / base), String.valueOf(s.length));
    }

}
