package dev.tandem.it;

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
 * Real Tandem processes for a test: the CLI started as its own JVM from the assembled
 * distribution, with a private state dir, so each test gets its own daemon and runners. Closing
 * stops the daemon and checks that nothing of ours is left running.
 */
public final class Tandem implements AutoCloseable {
    public static final Path LIB = Path.of(System.getProperty("tandem.lib", "../cli/target/lib")).toAbsolutePath().normalize();
    public static final Path ROOT = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();

    public final Path home;
    public final Path work;
    /** The distribution the CLI runs from (its daemon and runners too). */
    public final Path lib;
    private final Map<String, String> env = new HashMap<>();

    /** What one CLI invocation did. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public Tandem() throws IOException {
        this(LIB);
    }

    /** On another distribution dir, e.g. a private copy a test may change. */
    public Tandem(Path lib) throws IOException {
        this.lib = lib;
        this.home = Files.createTempDirectory("tandem-it-home-");
        this.work = Files.createTempDirectory("tandem-it-work-");
        env.put("TANDEM_HOME", home.toString());
        env.put("TANDEM_SIM_LATENCY", "instant");
        env.put("NO_COLOR", "1");
        // one prepared-artifact cache for every test: each fresh home would otherwise build its own (~3 s)
        env.put("TANDEM_CACHE_DIR", ROOT.resolve("it/target/tandem-cache").toString());
        // a private machine-lock dir: tests must not collide with a developer's own daemon
        env.put("TANDEM_DEVICE_LOCK_DIR", work.resolve(".device-locks").toString());
    }

    public Tandem env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** The environment every process of this test gets (its state dir, lock dir, cache). */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    public static String classpath() throws IOException {
        return classpath(LIB);
    }

    public static String classpath(Path lib) throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return String.join(":", jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList());
        }
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Starts the CLI without waiting. */
    public Process start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /**
     * Starts the CLI with SIGINT at its default, as in a terminal, for tests that press Ctrl-C: a
     * process started in the background by a shell without job control (a CI script's `cmd &`)
     * inherits SIGINT ignored, and the JVM then keeps ignoring it.
     */
    public Process startInterruptible(String... args) throws IOException {
        return start(List.of("env", "--default-signal=INT"), args);
    }

    private Process start(List<String> prefix, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java(), "-XX:TieredStopAtLevel=1", "-cp", classpath(lib), "dev.tandem.cli.Main"));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs the CLI to completion (bounded). */
    public Result run(String... args) throws IOException, InterruptedException {
        Process p = start(args);
        var out = readAsync(p.getInputStream());
        var err = readAsync(p.getErrorStream());
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tandem " + String.join(" ", args) + " did not finish within 180 s");
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    /** Waits (bounded) for a CLI started with {@link #start} and collects its output. */
    public static Result finish(Process p, long timeoutMs) throws InterruptedException {
        var out = readAsync(p.getInputStream());
        var err = readAsync(p.getErrorStream());
        if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the CLI did not finish within " + timeoutMs + " ms");
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    /** The daemon's pid from daemon.json, or -1. */
    public long daemonPid() {
        return jsonLong(home.resolve("daemon.json"), "pid");
    }

    /** A device's runner pid from runners/DEVICE.json, or -1. */
    public long runnerPid(String device) {
        return jsonLong(home.resolve("runners").resolve(device + ".json"), "pid");
    }

    private static long jsonLong(Path file, String field) {
        try {
            return dev.tandem.protocol.Json.tree(Files.readAllBytes(file)).path(field).asLong(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static java.util.concurrent.CompletableFuture<String> readAsync(java.io.InputStream in) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** A plan from examples/ copied into the work dir (so tests may edit it). */
    public Path example(String name) throws IOException {
        Path target = work.resolve(name);
        Files.copy(ROOT.resolve("examples").resolve(name), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    public Path write(String name, String yaml) throws IOException {
        return Files.writeString(work.resolve(name), yaml);
    }

    /** Pids of live processes that belong to this test's state dir (by environment or arguments). */
    public List<Long> processes() {
        List<Long> pids = new ArrayList<>();
        String marker = home.toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == ProcessHandle.current().pid()) continue;
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    String environ = new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8);
                    if (cmdline.contains(marker) || environ.contains("TANDEM_HOME=" + marker)) pids.add(pid);
                } catch (IOException | SecurityException gone) {
                    // exited while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return pids;
    }

    /**
     * The temp dirs the live Chromiums of this state dir made: where each device profile's
     * SingletonSocket link points (Chromium creates that dir under its $TMPDIR at start). Other
     * Chromiums on the host never appear here, so leftovers are counted for this test alone.
     */
    public java.util.Set<Path> chromiumTempDirs() throws IOException {
        java.util.Set<Path> out = new java.util.TreeSet<>();
        Path devices = home.resolve("devices");
        if (!Files.isDirectory(devices)) return out;
        try (Stream<Path> s = Files.list(devices)) {
            for (Path device : s.toList()) {
                Path link = device.resolve("profile").resolve("SingletonSocket");
                try {
                    Path target = Files.readSymbolicLink(link);
                    if (target.isAbsolute()) out.add(target.getParent());
                } catch (IOException | UnsupportedOperationException notThere) {
                    // no live Chromium on this device
                }
            }
        }
        return out;
    }

    /** Waits (bounded) until no process of ours is alive; returns those still alive at the deadline. */
    public List<Long> awaitNoProcesses(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        List<Long> left = processes();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            for (long pid : left) {
                var ph = ProcessHandle.of(pid);
                if (ph.isPresent()) {
                    try {
                        ph.get().onExit().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                    } catch (Exception stillAlive) {
                        break;
                    }
                }
            }
            left = processes();
        }
        return left;
    }

    @Override
    public void close() throws Exception {
        try {
            run("daemon", "stop");
        } finally {
            for (long pid : processes()) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            deleteTree(home);
            deleteTree(work);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
