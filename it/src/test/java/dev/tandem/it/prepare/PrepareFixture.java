package dev.tandem.it.prepare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.daemon.prepare.ArchiveKind;
import dev.tandem.daemon.runner.RunnerFile;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.LoopbackHttpClient;
import dev.tandem.protocol.runner.Uptime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CLI as real processes with a private {@code TANDEM_HOME}, run from a distribution dir of our
 * choice: the assembled one, or a private copy a test may change (a rebuilt jar). Closing stops
 * the daemon and kills whatever of this home is left (runners of a killed daemon included).
 */
final class PrepareFixture implements AutoCloseable {
    final Path lib;
    final Path home;
    final Path work;
    private final Map<String, String> env = new HashMap<>();
    private final boolean ownLib;

    private PrepareFixture(Path lib, boolean ownLib) throws IOException {
        this.lib = lib;
        this.ownLib = ownLib;
        this.home = Files.createTempDirectory("tandem-it-prepare-home-");
        this.work = Files.createTempDirectory("tandem-it-prepare-work-");
        env.put("TANDEM_HOME", home.toString());
        env.put("TANDEM_SIM_LATENCY", "instant");
        env.put("NO_COLOR", "1");
        env.put("TANDEM_DEVICE_LOCK_DIR", work.resolve(".device-locks").toString());
    }

    /** On the assembled distribution ({@code cli/target/lib}). */
    static PrepareFixture onDistribution() throws IOException {
        return new PrepareFixture(Tandem.LIB, false);
    }

    /** On a private copy of the distribution, which the test may change. */
    static PrepareFixture onCopy() throws IOException {
        Path copy = Files.createTempDirectory("tandem-it-prepare-lib-");
        try (Stream<Path> jars = Files.list(Tandem.LIB)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) Files.copy(jar, copy.resolve(jar.getFileName()));
        }
        return new PrepareFixture(copy, true);
    }

    PrepareFixture env(String key, String value) {
        env.put(key, value);
        return this;
    }

    Process start(String... args) throws IOException {
        String cp;
        try (Stream<Path> jars = Files.list(lib)) {
            cp = String.join(":", jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList());
        }
        List<String> cmd = new ArrayList<>(List.of(Tandem.java(), "-XX:TieredStopAtLevel=1", "-cp", cp, "dev.tandem.cli.Main"));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    Tandem.Result run(String... args) throws IOException, InterruptedException {
        return Tandem.finish(start(args), 180_000);
    }

    /** {@code tandem prepare --json ARGS}: the parsed result (an object, or an array for --platform all). */
    JsonNode prepare(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("prepare", "--json"));
        all.addAll(Arrays.asList(args));
        Tandem.Result r = run(all.toArray(String[]::new));
        JsonNode json = Json.tree(r.out().getBytes(StandardCharsets.UTF_8));
        if (json == null || json.isMissingNode()) throw new AssertionError("no JSON from prepare: " + r.all());
        return json;
    }

    Path plan(String name, String yaml) throws IOException {
        return Files.writeString(work.resolve(name), yaml);
    }

    /** The archive's file name for the JDK running this test (and the CLI, which it starts with the same java). */
    static String archiveFile() {
        return ArchiveKind.forJdk(Runtime.version().feature()).file();
    }

    Path cacheDir(String platform, String key) {
        return home.resolve("cache").resolve(platform).resolve(key);
    }

    RunnerFile runnerFile(String device) throws IOException {
        return Json.read(Files.readAllBytes(home.resolve("runners").resolve(device + ".json")), RunnerFile.class);
    }

    /** What the device's runner itself says, asked with its recorded token. */
    Uptime uptime(String device) throws IOException {
        RunnerFile f = runnerFile(device);
        try (LoopbackHttpClient c = new LoopbackHttpClient(f.port(), f.token())) {
            HttpResponse r = c.send("GET", "/v1/uptime", null, 5_000);
            return Json.read(r.body(), Uptime.class);
        }
    }

    long daemonPid() throws IOException {
        return Json.tree(Files.readAllBytes(home.resolve("daemon.json"))).path("pid").asLong(-1);
    }

    String daemonLog() throws IOException {
        Path log = home.resolve("logs").resolve("daemon.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Live processes of this home (by argument or environment). */
    List<Long> processes() {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == ProcessHandle.current().pid()) continue;
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    String environ = new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8);
                    if (cmdline.contains(home.toString()) || environ.contains("TANDEM_HOME=" + home)) pids.add(pid);
                } catch (IOException | SecurityException gone) {
                    // exited while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return pids;
    }

    @Override
    public void close() throws Exception {
        try {
            run("daemon", "stop");
        } finally {
            for (long pid : processes()) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            Tandem.deleteTree(home);
            Tandem.deleteTree(work);
            if (ownLib) Tandem.deleteTree(lib);
        }
    }
}
