package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.state.StateDir;
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
 * Web devices on Chromium: {@code tapOn} by text inside a plan through the whole stack (from the
 * steps' durations in results.json), a web device's readiness (runner spawn → Chromium up → first
 * command answered) and its memory (PSS of the runner and its Chromium processes).
 */
public final class WebBench {
    private WebBench() {}

    public static void run() throws Exception {
        try (Cli cli = new Cli("instant")) {
            StringBuilder plan = new StringBuilder("name: taps\nsteps:\n  - tool: launchApp\n    appId: com.example.login\n");
            for (int i = 0; i < 200; i++) plan.append("  - tool: tapOn\n    text: Remember me\n");
            Path file = cli.write("taps.yaml", plan.toString());
            List<Double> pixel = taps(cli, file, "web:pixel-7");
            List<Double> desktop = taps(cli, file, "web:desktop");
            long runner = cli.runnerPid("web-1");
            double pssMb = pssKb(runner) / 1024.0;
            List<Double> ready = new ArrayList<>();
            for (int i = 0; i < 5; i++) ready.add(readyMs(cli.home));
            double[] p = Stats.sorted(pixel);
            double[] d = Stats.sorted(desktop);
            double[] r = Stats.sorted(ready);
            Stats.row("metric", "p50", "p90", "n");
            Stats.row("---", "---", "---", "---");
            Stats.row("`tapOn` by text in a plan, pixel-7 (touch), step duration", Stats.ms(Stats.percentile(p, 50)),
                    Stats.ms(Stats.percentile(p, 90)), Integer.toString(p.length));
            Stats.row("`tapOn` by text in a plan, desktop (mouse), step duration", Stats.ms(Stats.percentile(d, 50)),
                    Stats.ms(Stats.percentile(d, 90)), Integer.toString(d.length));
            Stats.row("web device ready: runner spawn → Chromium → first command answered", Stats.ms(Stats.percentile(r, 50)),
                    "max " + Stats.ms(r[r.length - 1]), Integer.toString(r.length));
            Stats.row("memory per web device (PSS, runner + Chromium processes)", Stats.num(pssMb) + " MB", "", "1");
        }
    }

    private static List<Double> taps(Cli cli, Path plan, String device) throws Exception {
        cli.ok("run", plan.toString(), "--device", device, "-o", "warm");
        cli.ok("run", plan.toString(), "--device", device, "-o", "taps");
        JsonNode res = cli.lastResults("taps");
        List<Double> out = new ArrayList<>();
        for (JsonNode s : res.path("steps")) if (s.path("tool").asText().equals("tapOn")) out.add((double) s.path("durationMs").asLong());
        return out;
    }

    /** Spawns a web runner as the daemon does and times it until its first command is answered. */
    private static double readyMs(Path home) throws Exception {
        StateDir state = new StateDir(home.resolve("ready-bench")).ensure();
        RunnerLauncher launcher = new RunnerLauncher(state, Map.of(), 0);
        long t0 = System.nanoTime();
        var h = launcher.start(new RunnerLauncher.Launch("web-9", PlatformProfile.of("web"), "pixel-7", 0, Map.of()),
                RunnerLauncher.Artifact.current());
        try (LoopbackHttpClient c = new LoopbackHttpClient(h.file().port(), h.file().token())) {
            HttpResponse r = c.send("POST", "/v1/commands", Json.bytes(new CommandEnvelope("ready-" + System.nanoTime(),
                    h.bootId(), "observe", Json.object(), 10_000)), 15_000);
            if (!r.ok()) throw new IllegalStateException("first command failed: " + r.bodyText());
            double ms = (System.nanoTime() - t0) / 1e6;
            c.send("POST", "/v1/shutdown", new byte[0], 5_000);
            ProcessHandle.of(h.pid()).ifPresent(p -> p.onExit().join());
            return ms;
        }
    }

    /** PSS of a process and all its descendants, in KiB. */
    static long pssKb(long pid) throws Exception {
        long total = 0;
        List<ProcessHandle> all = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(all::add);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(all::add));
        // Chromium runs under its own watchdog session: include processes whose parent chain leads to the runner
        for (ProcessHandle p : all) {
            Path rollup = Path.of("/proc", Long.toString(p.pid()), "smaps_rollup");
            if (!Files.isReadable(rollup)) continue;
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith("Pss:")) total += Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return total;
    }
}
