package dev.tandem.bench.prepare;

import dev.tandem.daemon.prepare.ArchiveKind;
import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.daemon.prepare.IdentitySource;
import dev.tandem.daemon.prepare.JvmRunnerOps;
import dev.tandem.daemon.prepare.PrepareResult;
import dev.tandem.daemon.prepare.Preparer;
import dev.tandem.daemon.prepare.ToolProbes;
import dev.tandem.daemon.prepare.Toolchain;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.state.StateDir;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The prepare figures of BENCHMARKS.md (issue 6), as Markdown rows: runner cold start (process
 * spawn → first {@code /v1/uptime} answer) from the prepared artifact vs unprepared (the
 * distribution classpath, no archive: what the daemon falls back to), interleaved in one run so
 * both see the same machine load; and {@code prepare} durations for a miss, a hit and a rebuild.
 * Every figure is repeated {@code --reps} times; median, p10–p90 and min–max are reported.
 *
 * <pre>
 * mvn -q -o install -pl daemon -DskipTests && mvn -q -o -pl cli,bench package -DskipTests
 * $JAVA -cp "$(ls cli/target/lib/*.jar | tr '\n' :)bench/target/classes" dev.tandem.bench.prepare.PrepareBench --reps 15
 * </pre>
 * with {@code $JAVA} a JDK 21 or later (25+ measures the AOT cache, older ones AppCDS).
 * <pre>
 * </pre>
 */
public final class PrepareBench {
    private PrepareBench() {}

    /** One cold start: wall time, the runner's CPU time and its resident memory (all, and private anonymous) at first uptime. */
    record Start(double wallMs, double cpuMs, long rssKb, long anonKb) {}

    public static void main(String[] args) throws Exception {
        int reps = 15;
        Path lib = Path.of("cli/target/lib");
        String platformName = "sim";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                case "--lib" -> lib = Path.of(args[i + 1]);
                case "--platform" -> platformName = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --reps N --lib DIR --platform sim|web");
            }
        }
        PlatformProfile platform = PlatformProfile.of(platformName);
        String classpath;
        try (Stream<Path> jars = Files.list(lib)) {
            classpath = String.join(File.pathSeparator, jars.filter(p -> p.toString().endsWith(".jar"))
                    .map(p -> p.toAbsolutePath().toString()).sorted().toList());
        }
        Path home = Files.createTempDirectory("tandem-bench-prepare-");
        StateDir state = new StateDir(home).ensure();
        CacheLayout cache = new CacheLayout(state.cache());
        String javaBin = RunnerLauncher.Artifact.current().javaBin();
        Preparer preparer = new Preparer(cache, new IdentitySource(classpath, Toolchain::current, ToolProbes::of),
                new JvmRunnerOps(cache, state.logs()), javaBin, msg -> { });
        System.out.println("<!-- " + machine() + "; " + LocalDate.now() + "; " + platformName + "; " + reps + " reps -->");
        try {
            List<Double> miss = new ArrayList<>(), hit = new ArrayList<>(), rebuilt = new ArrayList<>();
            PrepareResult last = null;
            for (int i = 0; i < reps; i++) {
                CacheLayout.deleteTree(cache.platformDir(platform));
                miss.add(timed(preparer.prepare(platform, 300_000), PrepareResult.Cache.MISS));
                last = preparer.prepare(platform, 300_000);
                hit.add(timed(last, PrepareResult.Cache.HIT));
                Path archive = cache.artifactDir(platform, last.artifactKey()).resolve(ArchiveKind.forJdk(Toolchain.current().feature()).file());
                Files.write(archive, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
                last = preparer.prepare(platform, 300_000);
                rebuilt.add(timed(last, PrepareResult.Cache.REBUILT));
            }
            RunnerLauncher launcher = new RunnerLauncher(state, Map.of("TANDEM_SIM_LATENCY", "instant"), 10_000);
            RunnerLauncher.Artifact prepared = last.artifact();
            RunnerLauncher.Artifact unprepared = new RunnerLauncher.Artifact(javaBin, classpath, "dev", List.of());
            List<Start> withCache = new ArrayList<>(), without = new ArrayList<>();
            List<Double> pairRatios = new ArrayList<>();
            coldStart(launcher, platform, prepared); // one untimed round each: page cache and JIT of this process
            coldStart(launcher, platform, unprepared);
            for (int i = 0; i < reps; i++) {
                // interleaved, alternating which goes first, so load changes hit both alike
                Start a = i % 2 == 0 ? coldStart(launcher, platform, prepared) : null;
                Start b = coldStart(launcher, platform, unprepared);
                if (a == null) a = coldStart(launcher, platform, prepared);
                withCache.add(a);
                without.add(b);
                pairRatios.add(a.wallMs() / b.wallMs());
            }
            System.out.println("| figure | median | p10–p90 | min–max | n |");
            System.out.println("|---|---|---|---|---|");
            row("runner cold start, prepared (spawn → first uptime)", withCache.stream().map(Start::wallMs).toList(), "ms");
            row("runner cold start, unprepared", without.stream().map(Start::wallMs).toList(), "ms");
            row("cold start ratio prepared / unprepared (per interleaved pair)", pairRatios, "");
            row("runner CPU until first uptime, prepared", withCache.stream().map(Start::cpuMs).toList(), "ms");
            row("runner CPU until first uptime, unprepared", without.stream().map(Start::cpuMs).toList(), "ms");
            row("runner RSS at first uptime, prepared", withCache.stream().map(s -> s.rssKb() / 1024.0).toList(), "MB");
            row("runner RSS at first uptime, unprepared", without.stream().map(s -> s.rssKb() / 1024.0).toList(), "MB");
            // file-backed pages of the archive are shared by every runner of the machine; anonymous ones are not
            row("runner private (anonymous) RSS, prepared", withCache.stream().map(s -> s.anonKb() / 1024.0).toList(), "MB");
            row("runner private (anonymous) RSS, unprepared", without.stream().map(s -> s.anonKb() / 1024.0).toList(), "MB");
            row("`prepare` miss (build + health)", miss, "ms");
            row("`prepare` hit (validate + health)", hit, "ms");
            row("`prepare` rebuilt (corrupt archive)", rebuilt, "ms");
            double ratio = median(withCache.stream().map(Start::wallMs).toList()) / median(without.stream().map(Start::wallMs).toList());
            System.out.printf(java.util.Locale.ROOT, "%n<!-- ratio of medians prepared/unprepared: %.2f (target ≤ 0.60) -->%n", ratio);
        } finally {
            CacheLayout.deleteTree(home);
        }
    }

    private static double timed(PrepareResult r, PrepareResult.Cache expected) {
        if (!r.ok() || r.cache() != expected) {
            throw new IllegalStateException("expected a " + expected.json() + ", got " + r.cache().json() + ": "
                    + (r.ok() ? "ok" : r.failureReason()));
        }
        return r.durationMs();
    }

    /** Spawn → handshake → first uptime answer; then the runner is stopped and awaited. */
    private static Start coldStart(RunnerLauncher launcher, PlatformProfile p, RunnerLauncher.Artifact artifact) throws Exception {
        long t0 = System.nanoTime();
        RunnerHandle h = launcher.start(new RunnerLauncher.Launch("bench-cold", p, null, 0, Map.of()), artifact);
        if (RunnerClient.uptime(h, 10_000) == null) throw new IllegalStateException("the runner did not answer uptime");
        double wall = (System.nanoTime() - t0) / 1e6;
        ProcessHandle ph = ProcessHandle.of(h.pid()).orElseThrow();
        double cpu = ph.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
        long rss = statusKb(h.pid(), "VmRSS:");
        long anon = statusKb(h.pid(), "RssAnon:");
        try {
            h.client().send("POST", "/v1/shutdown", new byte[0], 5_000);
        } catch (IOException ignored) {
            // exiting already
        }
        try {
            ph.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            ph.destroyForcibly();
        }
        h.client().close();
        return new Start(wall, cpu, rss, anon);
    }

    private static long statusKb(long pid, String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith(field)) return Long.parseLong(l.replaceAll("\\D", ""));
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux: no RSS figure
        }
        return -1;
    }

    private static void row(String figure, List<Double> values, String unit) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String u = unit.isEmpty() ? "" : " " + unit;
        System.out.printf(java.util.Locale.ROOT, "| %s | %s%s | %s–%s%s | %s–%s%s | %d |%n", figure,
                fmt(pct(v, 50)), u, fmt(pct(v, 10)), fmt(pct(v, 90)), u, fmt(v[0]), fmt(v[v.length - 1]), u, v.length);
    }

    private static double median(List<Double> values) {
        return pct(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 50);
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String fmt(double v) {
        return v < 10 ? String.format(java.util.Locale.ROOT, "%.2f", v) : String.format(java.util.Locale.ROOT, "%.0f", v);
    }

    private static String machine() {
        String load = "";
        try {
            load = ", load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cpus" + load + ", Java " + Runtime.version() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
