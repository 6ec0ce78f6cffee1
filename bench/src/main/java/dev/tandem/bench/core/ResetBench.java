package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A device reset mid-run (issue 11.1): {@code kill -9} of device A's runner while A is in a 20 s
 * {@code wait} and its peer B waits for it at a barrier. Measured: from the kill to the end of the
 * {@code tandem run} command, which must exit 3 with A failed {@code DEVICE_RESET} and B released
 * ({@code PEER_FAILED}); and the same for a one-device plan killed during its wait.
 */
public final class ResetBench {
    private static final String PEER = """
            name: peer release
            devices: [A, B]
            steps:
              - {tool: launchApp, device: A, appId: com.chat.app}
              - {tool: launchApp, device: B, appId: com.chat.app}
              - {tool: inputText, device: A, id: compose, text: Hello}
              - {tool: wait, device: A, ms: 20000}
              - tool: barrier
              - {tool: assertVisible, device: B, text: Chat}
            """;
    private static final String SINGLE = """
            name: reset in a wait
            steps:
              - {tool: launchApp, appId: com.chat.app}
              - {tool: inputText, id: compose, text: Hello}
              - {tool: wait, ms: 20000}
              - {tool: assertNotVisible, text: Hello}
            """;

    private ResetBench() {}

    public static void run() throws Exception {
        try (Cli cli = new Cli("instant").env("TANDEM_SIM_DEVICES", "2")) {
            Path peer = cli.write("peer.yaml", PEER);
            Path single = cli.write("single.yaml", SINGLE);
            cli.ok("daemon", "start");
            List<Double> peerMs = new ArrayList<>();
            List<Double> singleMs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                peerMs.add(trial(cli, peer, "p" + i, "--device", "A=sim:1", "--device", "B=sim:2"));
                singleMs.add(trial(cli, single, "s" + i, "--device", "sim:1"));
            }
            double[] p = Stats.sorted(peerMs);
            double[] s = Stats.sorted(singleMs);
            Stats.row("metric", "median", "best", "worst");
            Stats.row("---", "---", "---", "---");
            Stats.row("kill -9 of A's runner (A in a 20 s wait, B at a barrier) → `tandem run` exits 3, A DEVICE_RESET, B PEER_FAILED",
                    Stats.ms(Stats.percentile(p, 50)), Stats.ms(p[0]), Stats.ms(p[p.length - 1]));
            Stats.row("kill -9 of the runner during a one-device plan's 20 s wait → `tandem run` exits 3, DEVICE_RESET",
                    Stats.ms(Stats.percentile(s, 50)), Stats.ms(s[0]), Stats.ms(s[s.length - 1]));
        }
    }

    /** One run killed during A's wait; the milliseconds from the kill to the CLI's exit. */
    private static double trial(Cli cli, Path plan, String out, String... devices) throws Exception {
        String before = field(cli.home.resolve("runners").resolve("sim-1.json"), "bootId");
        List<String> args = new ArrayList<>(List.of("run", plan.toString(), "-o", out));
        args.addAll(List.of(devices));
        Process run = cli.start(args.toArray(String[]::new));
        String boot = awaitNewBoot(cli, before);
        long pid = Cli.field(cli.home.resolve("runners").resolve("sim-1.json"), "pid");
        awaitJournal(cli.home.resolve("journal").resolve("sim-1").resolve(boot + ".jsonl"), "inputText", "completed");
        ProcessHandle runner = ProcessHandle.of(pid).orElseThrow();
        long t0 = System.nanoTime();
        runner.destroyForcibly();
        if (!run.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("the run did not end after the kill");
        double ms = (System.nanoTime() - t0) / 1e6;
        JsonNode r = cli.lastResults(out);
        String code = r.path("devices").path(r.path("devices").has("A") ? "A" : "default").path("failure").path("code").asText();
        if (run.exitValue() != 3 || !code.equals("DEVICE_RESET")) {
            throw new IllegalStateException("expected exit 3 with DEVICE_RESET, got exit " + run.exitValue() + " " + code + ": " + r);
        }
        return ms;
    }

    private static String awaitNewBoot(Cli cli, String before) throws Exception {
        Path file = cli.home.resolve("runners").resolve("sim-1.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String boot = field(file, "bootId");
            if (boot != null && !boot.equals(before) && ProcessHandle.of(Cli.field(file, "pid")).isPresent()) return boot;
            Thread.sleep(5); // polling another process's state file
        }
        throw new IllegalStateException("no new runner for sim-1");
    }

    private static void awaitJournal(Path journal, String kind, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(journal)) {
                for (String line : Files.readAllLines(journal)) {
                    if (line.contains("\"k\":\"" + kind + "\"") && line.contains("\"s\":\"" + state + "\"")) return;
                }
            }
            Thread.sleep(2); // polling another process's journal
        }
        throw new IllegalStateException("the journal never showed " + kind + " " + state);
    }

    private static String field(Path file, String name) {
        try {
            return Json.tree(Files.readAllBytes(file)).path(name).asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
