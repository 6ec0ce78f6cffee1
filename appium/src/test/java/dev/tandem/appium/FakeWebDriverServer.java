package dev.tandem.appium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A WebDriver server on loopback that answers like Appium: one session, a page source the test
 * sets, W3C error JSON on demand, and every command it received recorded for assertions.
 */
final class FakeWebDriverServer implements AutoCloseable {
    static final String TOKEN = "fake-token";
    static final String SESSION = "5e55-10n";

    record Received(String method, String path, JsonNode body) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicReference<String> pageSource = new AtomicReference<>("<hierarchy width=\"100\" height=\"100\"/>");
    /** When true, every source read differs from the last (an animation that never ends). */
    final java.util.concurrent.atomic.AtomicBoolean animating = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong frames = new java.util.concurrent.atomic.AtomicLong();
    final AtomicReference<int[]> windowSize = new AtomicReference<>(new int[] {100, 100});
    /** When set, the next command matching the path suffix fails with this W3C error (status, error, message). */
    final AtomicReference<Object[]> failNext = new AtomicReference<>();
    private final LoopbackHttpServer server;

    FakeWebDriverServer() throws IOException {
        server = LoopbackHttpServer.start(0, TOKEN, Map.of("/", this::handle));
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    List<Received> commands(String pathSuffix) {
        return received.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    private void handle(LoopbackHttpServer.Request r) throws IOException {
        byte[] body = r.body();
        JsonNode json = body.length == 0 ? null : Json.tree(body);
        received.add(new Received(r.method(), r.path(), json));
        Object[] fail = failNext.get();
        if (fail != null && r.path().endsWith((String) fail[0]) && failNext.compareAndSet(fail, null)) {
            r.reply((Integer) fail[1], Map.of("value", Map.of("error", fail[2], "message", fail[3], "stacktrace", "at fake")));
            return;
        }
        String p = r.path();
        Object value;
        if (p.equals("/session") && r.method().equals("POST")) {
            value = Map.of("sessionId", SESSION, "capabilities",
                    Map.of("platformName", "Android", "appium:deviceScreenSize", "100x100"));
        } else if (!p.startsWith("/session/" + SESSION)) {
            r.reply(404, Map.of("value", Map.of("error", "invalid session id", "message", "A session is either terminated or not started")));
            return;
        } else if (p.endsWith("/source")) {
            value = animating.get() ? pageSource.get() + "<!-- frame " + frames.incrementAndGet() + " -->" : pageSource.get();
        } else if (p.endsWith("/window/rect")) {
            value = Map.of("x", 0, "y", 0, "width", windowSize.get()[0], "height", windowSize.get()[1]);
        } else if (p.endsWith("/screenshot")) {
            value = java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        } else {
            value = null;
        }
        r.reply(200, value == null ? Map.of("value", Json.MAPPER.nullNode()) : Map.of("value", value));
    }

    @Override
    public void close() {
        server.close();
    }
}
