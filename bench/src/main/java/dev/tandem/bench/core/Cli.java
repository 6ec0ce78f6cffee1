package dev.tandem.bench.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code ./tandem} launcher as a process with a private state dir, as a user would
 * (CLI JVM start included), and cleans up after itself.
 */
public final class Cli implements AutoCloseable {
    public static final Path ROOT = Path.of(System.getProperty("tandem.root", ".")).toAbsolutePath().normalize();

    public final Path home;
    public final Path work;
    /** The checkout whose {@code ./tandem} this runs: {@link #ROOT} unless a baseline is compared. */
    private final Path root;
    private final Map<String, String> env = new HashMap<>();

    /** One invocation's outcome and wall time. */
    public record Result(int exit, String out, String err, long wallNanos) {
        public double wallMs() {
            return wallNanos / 1e6;
        }
    }

    public Cli(String latency) throws IOException {
        this(latency, ROOT);
    }

    /** Runs the launcher of another checkout (a baseline to compare with), with its own state dir. */
    public Cli(String latency, Path root) throws IOException {
        this.root = root;
        home = Files.createTempDirectory("tandem-bench-home-");
        work = Files.createTempDirectory("tandem-bench-work-");
        env.put("TANDEM_HOME", home.toString());
        env.put("TANDEM_SIM_LATENCY", latency);
        env.put("TANDEM_DEVICE_LOCK_DIR", work.resolve(".locks").toString());
        // a persistent prepared-artifact cache, as a user's ~/.tandem/cache would be
        env.put("TANDEM_CACHE_DIR", root.resolve("bench/target/tandem-cache").toString());
        env.put("NO_COLOR", "1");
    }

    /** The environment the launcher runs with (a private state dir): for harnesses that start it themselves. */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    /** The launcher this runs. */
    public Path launcher() {
        return root.resolve("tandem");
    }

    public Cli env(String k, String v) {
        env.put(k, v);
        return this;
    }

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(root.resolve("tandem").toString());
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("tandem " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        long wall = System.nanoTime() - t0;
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err), wall);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    /** Starts the launcher without waiting (output discarded): for harnesses that act while a run goes on. */
    public Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(root.resolve("tandem").toString());
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        return pb.start();
    }

    public Result ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        if (r.exit() != 0) throw new IllegalStateException("tandem " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.out() + r.err());
        return r;
    }

    public Path write(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
    }

    public long daemonPid() {
        return field(home.resolve("daemon.json"), "pid");
    }

    public long runnerPid(String device) {
        return field(home.resolve("runners").resolve(device + ".json"), "pid");
    }

    static long field(Path file, String name) {
        try {
            return dev.tandem.protocol.Json.tree(Files.readAllBytes(file)).path(name).asLong(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The newest run directory's results.json. */
    public com.fasterxml.jackson.databind.JsonNode lastResults(String output) throws IOException {
        try (Stream<Path> dirs = Files.list(work.resolve(output))) {
            Path dir = dirs.max(Comparator.comparing(Path::toString)).orElseThrow();
            return dev.tandem.protocol.Json.tree(Files.readAllBytes(dir.resolve("results.json")));
        }
    }

    @Override
    public void close() throws Exception {
        run("daemon", "stop");
        deleteTree(home);
        deleteTree(work);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
