package dev.tandem.bench.core;

import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.LoopbackHttpClient;
import dev.tandem.protocol.runner.CommandEnvelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warm reuse across a daemon restart: after {@code kill -9} of the daemon, the next daemon adopts
 * the live runner. Measured: a cold runner start (the CLI's wall for a run that must start a runner,
 * minus the same run warm) beside the adopted runner's first command (what a new daemon does:
 * uptime probe + adopt + first command, over a fresh connection), and the whole next `tandem run`
 * after the restart (new daemon + adoption, no runner start).
 */
public final class AdoptionBench {
    private AdoptionBench() {}

    public static void run() throws Exception {
        try (Cli cli = new Cli("instant")) {
            Path plan = cli.write("five.yaml", Plans.singleDevice("five", 5));
            List<Double> coldRun = new ArrayList<>();
            List<Double> warmRun = new ArrayList<>();
            List<Double> adoptedFirst = new ArrayList<>();
            List<Double> afterRestart = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                cli.ok("daemon", "stop");
                cli.ok("daemon", "start");
                coldRun.add(cli.ok("run", plan.toString(), "--device", "sim:1", "-o", "out").wallMs());
                warmRun.add(cli.ok("run", plan.toString(), "--device", "sim:1", "-o", "out").wallMs());
                long daemon = cli.daemonPid();
                ProcessHandle.of(daemon).ifPresent(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
                adoptedFirst.add(firstCommand(cli.home.resolve("runners").resolve("sim-1.json")));
                long runner = cli.runnerPid("sim-1");
                afterRestart.add(cli.ok("run", plan.toString(), "--device", "sim:1", "-o", "out").wallMs());
                if (cli.runnerPid("sim-1") != runner) throw new IllegalStateException("the runner was restarted, not adopted");
            }
            double[] c = Stats.sorted(coldRun);
            double[] w = Stats.sorted(warmRun);
            double[] a = Stats.sorted(adoptedFirst);
            double[] r = Stats.sorted(afterRestart);
            Stats.row("metric", "median", "best", "worst");
            Stats.row("---", "---", "---", "---");
            Stats.row("first command on an adopted runner (probe + adopt + command)", Stats.ms(Stats.percentile(a, 50)), Stats.ms(a[0]), Stats.ms(a[a.length - 1]));
            Stats.row("cold runner start (run needing a runner − warm run)", Stats.ms(Stats.percentile(c, 50) - Stats.percentile(w, 50)), "", "");
            Stats.row("`tandem run` needing a runner start", Stats.ms(Stats.percentile(c, 50)), Stats.ms(c[0]), Stats.ms(c[c.length - 1]));
            Stats.row("`tandem run` right after a daemon kill -9 (new daemon, adopted runner)", Stats.ms(Stats.percentile(r, 50)), Stats.ms(r[0]), Stats.ms(r[r.length - 1]));
            Stats.row("`tandem run` warm", Stats.ms(Stats.percentile(w, 50)), Stats.ms(w[0]), Stats.ms(w[w.length - 1]));
        }
    }

    /** What a new daemon does with a runner file: probe uptime, adopt, send the first command. */
    private static double firstCommand(Path runnerFile) throws Exception {
        var rf = Json.tree(Files.readAllBytes(runnerFile));
        long t0 = System.nanoTime();
        try (LoopbackHttpClient c = new LoopbackHttpClient(rf.path("port").asInt(), rf.path("token").asText())) {
            HttpResponse up = c.send("GET", "/v1/uptime", null, 5_000);
            if (!up.ok()) throw new IllegalStateException("uptime " + up.status());
            c.send("POST", "/v1/adopt", Json.bytes(Map.of("daemonPid", ProcessHandle.current().pid())), 5_000);
            HttpResponse cmd = c.send("POST", "/v1/commands", Json.bytes(new CommandEnvelope("bench-" + System.nanoTime(),
                    rf.path("bootId").asText(), "observe", Json.object(), 5_000)), 10_000);
            if (!cmd.ok()) throw new IllegalStateException("command " + cmd.status());
        }
        return (System.nanoTime() - t0) / 1e6;
    }
}
