package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 16 Grid web devices on this machine: a hub and two Chrome nodes of 8 sessions each
 * (examples/grid/start-local-grid.sh), a devices.yaml with that Grid as its only source, a warm
 * daemon. One chat pair alone ({@code tandem test} of a one-plan suite: examples/chat.yaml on 2 Grid
 * devices) against 8 pairs at once ({@code tandem test} of 8 copies with {@code --shards 8}: 8 chat
 * plans on 16 Grid devices, as a user runs a suite), interleaved round by round. Reports the CLI
 * wall, the time the runs waited for their devices (Grid session + runner start, from the daemon's
 * log), pass/fail, the Grid's sessions after, the memory of Chromium, chromedriver and the runners at
 * their peak, the load average, and that no process it started outlives it.
 * Settings: {@code GRIDCHAT_ROUNDS} (default 4), {@code GRIDCHAT_PORT} (hub, default 47444).
 */
public final class GridChatBench {
    private static final Pattern RUNNER_START = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d+) INFO \\[runners\\] runner (\\S+) started: .* in (\\d+) ms");
    private static final Pattern ERROR_LINE = Pattern.compile("^\\s+([A-Z][A-Z_]{3,}) .*");

    private GridChatBench() {}

    /** One suite run: CLI wall, per-plan spans, device waits, and what failed. */
    record Round(String kind, double wallMs, boolean passed, List<Long> planMs, List<Long> startMs, List<String> errors,
                 int sessionsAtExit, long msToNoSessions) {}

    public static void run() throws Exception {
        int rounds = Integer.parseInt(System.getenv().getOrDefault("GRIDCHAT_ROUNDS", "4"));
        int port = Integer.parseInt(System.getenv().getOrDefault("GRIDCHAT_PORT", "47444"));
        String loadBefore = HostSampler.loadavg();
        Instant t0 = Instant.now();
        List<Round> alone = new ArrayList<>(), eight = new ArrayList<>(), warm = new ArrayList<>();
        List<String> orphans;
        HostSampler sampler;
        int seen;
        try (Cli cli = new Cli("instant")) {
            Path one = Files.createDirectories(cli.work.resolve("one")), many = Files.createDirectories(cli.work.resolve("eight"));
            String chat = Files.readString(Cli.ROOT.resolve("examples/chat.yaml"));
            Files.writeString(one.resolve("chat.yaml"), chat);
            for (int i = 1; i <= 8; i++) Files.writeString(many.resolve("chat-" + i + ".yaml"), chat.replace("name: chat", "name: chat-" + i));
            try (LocalGrid grid = LocalGrid.start(cli.work.resolve("grid"), port, 8)) {
                Path devices = cli.write("devices.yaml", "sources:\n  - {type: grid, url: \"" + grid.url() + "\", profiles: [pixel-7, iphone-15]}\n");
                sampler = new HostSampler(() -> roots(cli, grid), Set.of("Chromium", "chromedriver", "Tandem runner JVMs"));
                try (HostSampler s = sampler.start()) {
                    warm.add(suite(cli, grid, devices, one, 1, "out-warm-alone"));
                    warm.add(suite(cli, grid, devices, many, 8, "out-warm-eight"));
                    for (int r = 0; r < rounds; r++) {
                        if (r % 2 == 1) eight.add(suite(cli, grid, devices, many, 8, "out-eight"));
                        alone.add(suite(cli, grid, devices, one, 1, "out-alone"));
                        if (r % 2 == 0) eight.add(suite(cli, grid, devices, many, 8, "out-eight"));
                    }
                    cli.ok("daemon", "stop");
                }
            }
            seen = sampler.seenCount();
            orphans = sampler.stillRunning();
        }
        for (Round w : warm) System.out.println("warm-up " + w.kind() + ": " + (w.passed() ? "passed" : "FAILED " + w.errors()) + ", "
                + Stats.ms(w.wallMs()));
        report(alone, eight, sampler, seen, orphans, loadBefore, t0, rounds);
    }

    /** The daemon (and its runners under it) and the Grid's JVMs (and chromedriver and Chromium under them). */
    private static List<ProcessHandle> roots(Cli cli, LocalGrid grid) {
        List<ProcessHandle> out = new ArrayList<>(grid.jvms());
        long daemon = cli.daemonPid();
        if (daemon > 0) ProcessHandle.of(daemon).ifPresent(out::add);
        return out;
    }

    private static Round suite(Cli cli, LocalGrid grid, Path devices, Path dir, int shards, String out) throws Exception {
        Path log = cli.home.resolve("logs/daemon.log");
        long logFrom = Files.exists(log) ? Files.size(log) : 0;
        Cli.Result res = cli.run("test", dir.toString(), "--shards", Integer.toString(shards), "--platform", "web",
                "--devices", devices.toString(), "-o", out);
        int atExit = grid.sessions();
        long toZero = grid.msUntilNoSessions(30_000);
        JsonNode results;
        try {
            results = cli.lastResults(out);
        } catch (java.io.IOException | java.util.NoSuchElementException e) {
            results = com.fasterxml.jackson.databind.node.MissingNode.getInstance(); // no suite dir: the CLI's output says why
        }
        List<Long> planMs = new ArrayList<>();
        for (JsonNode run : results.path("runs")) planMs.add(run.path("durationMs").asLong());
        List<String> errors = new ArrayList<>();
        for (String line : (res.out() + res.err()).split("\n")) if (ERROR_LINE.matcher(line).matches()) errors.add(line.strip());
        boolean passed = res.exit() == 0 && results.path("plans").asInt() == shards && results.path("passed").asInt() == shards;
        if (res.exit() != 0 && errors.isEmpty()) errors.add("exit " + res.exit() + ": " + (res.out() + res.err()).strip());
        if (!passed) keep(cli, out, res);
        return new Round(out, res.wallMs(), passed, planMs, runnerStarts(log, logFrom), errors, atExit, toZero);
    }

    /** A failed round's output, the daemon's and runners' logs, kept under bench/target/gridchat-failures/ (the state dir is deleted after). */
    private static void keep(Cli cli, String out, Cli.Result res) throws java.io.IOException {
        Path to = Files.createDirectories(Cli.ROOT.resolve("bench/target/gridchat-failures").resolve(out + "-" + System.currentTimeMillis()));
        Files.writeString(to.resolve("cli-output.txt"), res.out() + res.err());
        for (Path from : List.of(cli.work.resolve(out), cli.home.resolve("logs"))) {
            if (!Files.isDirectory(from)) continue;
            try (var files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path dest = to.resolve(from.getFileName() + "/" + from.relativize(f));
                    Files.createDirectories(dest.getParent());
                    Files.copy(f, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        System.out.println("(" + out + " failed: its output and logs are in " + to + ")");
    }

    /** The "runner X started … in N ms" lines the daemon logged since {@code from}: Grid session + runner start per device. */
    private static List<Long> runnerStarts(Path log, long from) throws java.io.IOException {
        List<Long> out = new ArrayList<>();
        if (!Files.exists(log)) return out;
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) Math.min(from, all.length), (int) (all.length - Math.min(from, all.length)),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            Matcher m = RUNNER_START.matcher(line);
            if (m.find()) out.add(Long.parseLong(m.group(3)));
        }
        return out;
    }

    private static void report(List<Round> alone, List<Round> eight, HostSampler sampler, int seen, List<String> orphans,
                               String loadBefore, Instant t0, int rounds) {
        System.out.println("started " + t0 + "; load average before " + loadBefore + ", peak (1 min) " + Stats.num(sampler.peakLoad())
                + ", after " + HostSampler.loadavg());
        Stats.row("metric (" + rounds + " rounds interleaved, after a warm-up of each)", "one pair alone", "8 pairs at once");
        Stats.row("---", "---", "---");
        double[] aw = walls(alone), ew = walls(eight);
        Stats.row("`tandem test` wall, p50", Stats.ms(Stats.percentile(aw, 50)), Stats.ms(Stats.percentile(ew, 50)));
        Stats.row("`tandem test` wall, p95", Stats.ms(Stats.percentile(aw, 95)), Stats.ms(Stats.percentile(ew, 95)));
        Stats.row("ratio 8 pairs / one pair (p50)", "", Stats.num(Stats.percentile(ew, 50) / Stats.percentile(aw, 50)) + "×");
        Stats.row("plan span (results.json, steps only), p50 / max", span(alone, "planMs"), span(eight, "planMs"));
        Stats.row("device start (Grid session + runner), p50 / max", span(alone, "startMs"), span(eight, "startMs"));
        Stats.row("rounds all passed", passedOf(alone), passedOf(eight));
        Stats.row("Grid sessions at CLI exit → ms until 0", sessionsOf(alone), sessionsOf(eight));
        Map<String, HostSampler.Mem> peak = sampler.peak();
        long side = 0;
        for (var e : peak.entrySet()) {
            Stats.row("at peak: " + e.getKey() + " (" + e.getValue().processes() + " processes), RSS / PSS", "",
                    mb(e.getValue().rssKb()) + " / " + mb(e.getValue().pssKb()));
            if (Set.of("Chromium", "chromedriver", "Tandem runner JVMs").contains(e.getKey())) side += e.getValue().rssKb();
        }
        Stats.row("peak RSS, Chromium + chromedriver + runners", "", mb(side));
        List<String> failures = new ArrayList<>();
        for (Round r : alone) failures.addAll(r.errors());
        for (Round r : eight) failures.addAll(r.errors());
        for (String f : failures.stream().distinct().toList()) System.out.println("- failure: " + f);
        System.out.println("processes sampled: " + seen + "; still running after the daemon and the Grid stopped: "
                + (orphans.isEmpty() ? "none" : orphans.size() + "\n  " + String.join("\n  ", orphans)));
    }

    private static double[] walls(List<Round> rounds) {
        return Stats.sorted(rounds.stream().map(Round::wallMs).toList());
    }

    private static String span(List<Round> rounds, String what) {
        List<Double> all = new ArrayList<>();
        for (Round r : rounds) for (long v : what.equals("planMs") ? r.planMs() : r.startMs()) all.add((double) v);
        double[] a = Stats.sorted(all);
        return a.length == 0 ? "—" : Stats.ms(Stats.percentile(a, 50)) + " / " + Stats.ms(a[a.length - 1]) + " (n=" + a.length + ")";
    }

    private static String passedOf(List<Round> rounds) {
        return rounds.stream().filter(Round::passed).count() + " of " + rounds.size();
    }

    private static String sessionsOf(List<Round> rounds) {
        return String.join(", ", rounds.stream().map(r -> r.sessionsAtExit() + "→" + (r.msToNoSessions() < 0 ? "not in 30 s" : r.msToNoSessions() + " ms")).toList());
    }

    private static String mb(long kb) {
        return String.format(java.util.Locale.ROOT, "%.0f MB", kb / 1024.0);
    }
}
