package dev.tandem.daemon.sources.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Selenium Grid 4 on loopback for unit tests, answering as the real one does: {@code /status}
 * with one node of one slot of {@code stereotype}, {@code POST /session} with a session that has
 * {@code capabilities}, and {@code DELETE /session/ID}; every request it received is kept.
 */
public final class FakeGrid implements AutoCloseable {
    public static final String SESSION = "5e55-grid";

    public record Received(String method, String path, JsonNode body) {}

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final Map<String, Object> stereotype;
    private final Map<String, Object> capabilities;
    /** Whether another client of the Grid holds its one slot. */
    private volatile boolean busy;
    private volatile String open;

    public FakeGrid(Map<String, Object> stereotype, Map<String, Object> capabilities) throws IOException {
        this.stereotype = stereotype;
        this.capabilities = capabilities;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Another client takes the slot. */
    public void takeTheSlot() {
        busy = true;
    }

    public List<Received> requests(String method, String pathPrefix) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        received.add(new Received(method, path, body.length == 0 ? null : Json.tree(body)));
        Object value;
        if (method.equals("GET") && path.equals("/status")) {
            Object session = busy || open != null ? Map.of("sessionId", busy ? "other" : open, "capabilities", Map.of()) : null;
            java.util.Map<String, Object> slot = new java.util.HashMap<>();
            slot.put("stereotype", stereotype);
            slot.put("session", session);
            value = Map.of("ready", true, "nodes", List.of(Map.of("uri", "http://127.0.0.1:5555", "availability", "UP", "slots", List.of(slot))));
        } else if (method.equals("POST") && path.equals("/session")) {
            open = SESSION;
            value = Map.of("sessionId", SESSION, "capabilities", capabilities);
        } else if (method.equals("DELETE") && path.equals("/session/" + open)) {
            open = null;
            value = null;
        } else {
            reply(x, 404, Map.of("value", Map.of("error", "invalid session id", "message", "no session " + path)));
            return;
        }
        java.util.Map<String, Object> wrapped = new java.util.HashMap<>();
        wrapped.put("value", value);
        reply(x, 200, wrapped);
    }

    private static void reply(HttpExchange x, int status, Object json) throws IOException {
        byte[] out = Json.bytes(json);
        x.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, out.length);
        try (var os = x.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
