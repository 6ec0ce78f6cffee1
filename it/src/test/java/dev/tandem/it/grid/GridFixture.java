package dev.tandem.it.grid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.function.Predicate;

/**
 * A real Selenium Grid 4 on 127.0.0.1 for the grid ITs: a hub and Chrome nodes (Debian's
 * /usr/bin/chromium and /usr/bin/chromedriver, configured by a node TOML file), run from the
 * selenium-grid artifact's class path (it/pom.xml writes it to target/selenium-grid.classpath).
 * Every process it starts, and what they start (chromedriver, Chrome), is stopped by {@link #close()}.
 */
public final class GridFixture implements AutoCloseable {
    static final Path CLASSPATH = Path.of(System.getProperty("tandem.grid.classpath", "target/selenium-grid.classpath"));
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;
    private final int port;
    private final int publish;
    private final int subscribe;
    private final List<Process> nodes = new ArrayList<>();
    private final List<Integer> nodePorts = new ArrayList<>();
    private final List<Process> all = new ArrayList<>();

    /** Whether this host can run the Grid ITs: the class path file, Chromium and chromedriver. */
    public static boolean available() {
        return Files.isRegularFile(CLASSPATH) && Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Starts a hub and one Chrome node per entry of {@code sessionsPerNode}, and waits (bounded) until every node is up. */
    public static GridFixture start(int... sessionsPerNode) throws IOException, InterruptedException {
        GridFixture g = new GridFixture(Files.createTempDirectory("tandem-grid-"));
        try {
            g.startHub();
            for (int n : sessionsPerNode) g.startNode(n);
            g.awaitStatus(s -> s.path("nodes").size() == sessionsPerNode.length && upNodes(s) == sessionsPerNode.length, 90_000,
                    sessionsPerNode.length + " nodes up");
            return g;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            g.close();
            throw e;
        }
    }

    private GridFixture(Path dir) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.publish = freePort();
        this.subscribe = freePort();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void startHub() throws IOException {
        Path toml = Files.writeString(dir.resolve("hub.toml"), head(port) + """
                bind = true
                [sessionqueue]
                session-request-timeout = 60
                """);
        all.add(java("hub", toml, dir.resolve("hub.log")));
    }

    private void startNode(int sessions) throws IOException {
        int i = nodes.size() + 1;
        int nodePort = freePort();
        nodePorts.add(nodePort);
        Path toml = Files.writeString(dir.resolve("node-" + i + ".toml"), head(nodePort) + """
                [node]
                grid-url = "%s"
                detect-drivers = false
                selenium-manager = false
                override-max-sessions = true
                max-sessions = %d
                heartbeat-period = 2
                register-period = 2
                [[node.driver-configuration]]
                display-name = "chromium"
                stereotype = '{"browserName": "chrome", "goog:chromeOptions": {"binary": "%s"}}'
                max-sessions = %d
                webdriver-executable = "%s"
                """.formatted(url(), sessions, CHROMIUM, sessions, CHROMEDRIVER));
        Process p = java("node", toml, dir.resolve("node-" + i + ".log"));
        nodes.add(p);
        all.add(p);
    }

    /**
     * Starts one more Chrome node (as a lab adds a machine) and waits (bounded) until the Grid lists
     * it up; returns its URI, for {@link #stopNode}.
     */
    public String addNode(int sessions) throws IOException, InterruptedException {
        int before = (int) nodes.stream().filter(Process::isAlive).count();
        startNode(sessions);
        String uri = "http://127.0.0.1:" + nodePorts.getLast();
        awaitStatus(s -> upNodes(s) == before + 1, 90_000, "the added node up");
        return uri;
    }

    /** Stops the node at this URI (and what it started) as its machine's shutdown would, and waits (bounded) until the Grid no longer lists it up. */
    public void stopNode(String uri) throws InterruptedException {
        int i = nodePorts.indexOf(URI.create(uri).getPort());
        Process p = nodes.get(i);
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        awaitStatus(s -> {
            for (JsonNode n : s.path("nodes")) if (n.path("uri").asText().equals(uri) && "UP".equals(n.path("availability").asText())) return false;
            return true;
        }, 60_000, "node " + uri + " not up");
    }

    /** A process's own address and the hub's event bus, the start of every config. */
    private String head(int serverPort) {
        return """
                [server]
                host = "127.0.0.1"
                port = %d
                [events]
                publish = "tcp://127.0.0.1:%d"
                subscribe = "tcp://127.0.0.1:%d"
                """.formatted(serverPort, publish, subscribe);
    }

    /**
     * Adds a relay node forwarding sessions of {@code stereotype} (JSON) to the Appium server at
     * {@code appium}, as a lab registers its phones, and waits (bounded) until the Grid lists it up.
     */
    public void addRelayNode(URI appium, String stereotype) throws IOException, InterruptedException {
        int nodePort = freePort();
        nodePorts.add(nodePort);
        int before = nodes.size();
        Path toml = Files.writeString(dir.resolve("relay-" + (before + 1) + ".toml"), head(nodePort) + """
                [node]
                grid-url = "%s"
                detect-drivers = false
                heartbeat-period = 2
                register-period = 2
                [relay]
                url = "%s"
                status-endpoint = "/status"
                configs = ["1", '%s']
                """.formatted(url(), appium, stereotype));
        Process p = java("node", toml, dir.resolve("relay-" + (before + 1) + ".log"));
        nodes.add(p);
        all.add(p);
        awaitStatus(s -> upNodes(s) == before + 1, 90_000, "the relay node up");
    }

    private Process java(String role, Path toml, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                Files.readString(CLASSPATH).strip(), "org.openqa.selenium.grid.Main", role, "--config", toml.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The Grid's /status value. */
    public JsonNode status() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/status")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return Json.tree(r.body()).path("value");
    }

    /** Opens a Chrome session as another client of the Grid would; returns its id. */
    public String openSession() throws IOException, InterruptedException {
        byte[] body = Json.bytes(java.util.Map.of("capabilities", java.util.Map.of("alwaysMatch", java.util.Map.of("browserName", "chrome",
                "goog:chromeOptions", java.util.Map.of("args", List.of("--headless=new", "--no-sandbox"))))));
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/session")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String id = Json.tree(r.body()).path("value").path("sessionId").asText("");
        if (id.isEmpty()) throw new AssertionError("the Grid opened no session: " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        return id;
    }

    public void closeSession(String id) throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/session/" + id)).timeout(Duration.ofSeconds(20)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Sessions open on the Grid now, on every node. */
    public int sessions() throws IOException, InterruptedException {
        int n = 0;
        for (JsonNode node : status().path("nodes")) for (JsonNode s : node.path("slots")) if (s.path("session").isObject()) n++;
        return n;
    }

    static int upNodes(JsonNode status) {
        int n = 0;
        for (JsonNode node : status.path("nodes")) if ("UP".equals(node.path("availability").asText())) n++;
        return n;
    }

    /** Waits (bounded) until the status satisfies {@code ok}; fails with the last status seen. */
    public JsonNode awaitStatus(Predicate<JsonNode> ok, long timeoutMs, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process p : all) {
                if (!p.isAlive() && !nodes.contains(p)) throw new AssertionError("the Grid hub exited; see " + dir.resolve("hub.log"));
            }
            try {
                JsonNode s = status();
                if (ok.test(s)) return s;
                last = s.toString();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100); // polling an external process's HTTP status: there is nothing to be woken by
        }
        throw new AssertionError("the Grid did not reach '" + what + "' within " + timeoutMs + " ms; last status: "
                + (last.length() > 2000 ? last.substring(0, 2000) : last) + " (logs in " + dir + ")");
    }

    /** kill -9 of the node at this URI and of what it started: Chrome and chromedriver go with it, as with a lost machine. */
    public void killNode(String uri) {
        Process p = nodes.get(nodePorts.indexOf(URI.create(uri).getPort()));
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : all.reversed()) {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
        try {
            dev.tandem.it.Tandem.deleteTree(dir);
        } catch (IOException ignored) {
            // a temp dir
        }
    }
}
