package dev.tandem.bench.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A hub and two Chrome nodes on loopback, started with examples/grid/start-local-grid.sh (the
 * script a user tries the Grid with: the selenium-grid artifact the tests use, Debian's Chromium
 * and chromedriver), and stopped with its {@code stop}.
 */
final class LocalGrid implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path dir;
    private final int port;
    private final Process script;
    private final List<ProcessHandle> jvms = new ArrayList<>();

    private LocalGrid(Path dir, int port, Process script) {
        this.dir = dir;
        this.port = port;
        this.script = script;
    }

    /** Starts the Grid and waits (bounded: 120 s) until both nodes are up. */
    static LocalGrid start(Path dir, int port, int sessionsPerNode) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder(script().toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("script.log").toFile());
        pb.environment().putAll(env(dir, port, sessionsPerNode));
        LocalGrid g = new LocalGrid(dir, port, pb.start());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (upNodes(g.statusOrNull()) < 2) {
                if (!g.script.isAlive()) throw new IllegalStateException("start-local-grid.sh exited " + g.script.exitValue()
                        + ": " + Files.readString(dir.resolve("script.log")));
                if (System.nanoTime() > deadline) throw new IllegalStateException("the Grid did not show two nodes up in 120 s; logs in " + dir);
                Thread.sleep(250); // polling another process's HTTP status: nothing to be woken by
            }
            for (String pid : Files.readAllLines(dir.resolve("pids"))) ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(g.jvms::add);
            return g;
        } catch (IOException | InterruptedException | RuntimeException e) {
            g.close();
            throw e;
        }
    }

    private static java.util.Map<String, String> env(Path dir, int port, int sessionsPerNode) {
        return java.util.Map.of("GRID_PORT", Integer.toString(port), "GRID_SESSIONS", Integer.toString(Math.max(1, sessionsPerNode)),
                "GRID_DIR", dir.toString());
    }

    private static Path script() {
        return Cli.ROOT.resolve("examples/grid/start-local-grid.sh");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The hub and node JVMs. */
    List<ProcessHandle> jvms() {
        return List.copyOf(jvms);
    }

    JsonNode statusOrNull() {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/status")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return Json.tree(r.body()).path("value");
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Sessions the Grid lists now (on every node), or -1 when it does not answer. */
    int sessions() {
        JsonNode s = statusOrNull();
        if (s == null) return -1;
        int n = 0;
        for (JsonNode node : s.path("nodes")) for (JsonNode slot : node.path("slots")) if (slot.path("session").isObject()) n++;
        return n;
    }

    /** How long until the Grid lists no session (bounded by {@code maxMs}); -1 when it still lists some then. */
    long msUntilNoSessions(long maxMs) throws InterruptedException {
        long t0 = System.nanoTime();
        while (sessions() != 0) {
            if (System.nanoTime() - t0 > TimeUnit.MILLISECONDS.toNanos(maxMs)) return -1;
            Thread.sleep(100); // polling the Grid's status
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static int upNodes(JsonNode status) {
        if (status == null) return 0;
        int n = 0;
        for (JsonNode node : status.path("nodes")) if ("UP".equals(node.path("availability").asText())) n++;
        return n;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(script().toString(), "stop").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("script.log").toFile()));
        pb.environment().putAll(env(dir, port, 0));
        Process stop = pb.start();
        if (!stop.waitFor(30, TimeUnit.SECONDS)) stop.destroyForcibly();
        if (!script.waitFor(30, TimeUnit.SECONDS)) script.destroyForcibly();
        for (ProcessHandle p : jvms) {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }
}
