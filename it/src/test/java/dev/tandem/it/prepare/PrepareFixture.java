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
import java.util.List;
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
    private final Tandem tandem;
    private final boolean ownLib;

    private PrepareFixture(Path lib, boolean ownLib) throws IOException {
        this.tandem = new Tandem(lib);
        // this home's own cache: the tests look inside it
        tandem.env("TANDEM_CACHE_DIR", tandem.home.resolve("cache").toString());
        this.lib = lib;
        this.ownLib = ownLib;
        this.home = tandem.home;
        this.work = tandem.work;
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
        tandem.env(key, value);
        return this;
    }

    Process start(String... args) throws IOException {
        return tandem.start(args);
    }

    Tandem.Result run(String... args) throws IOException, InterruptedException {
        return tandem.run(args);
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
        return tandem.processes();
    }

    @Override
    public void close() throws Exception {
        try {
            tandem.close();
        } finally {
            if (ownLib) Tandem.deleteTree(lib);
        }
    }
}
