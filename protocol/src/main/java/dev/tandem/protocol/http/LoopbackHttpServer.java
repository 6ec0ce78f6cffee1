package dev.tandem.protocol.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server bound to 127.0.0.1, requiring a bearer token on every request, with one
 * virtual thread per exchange. Binding to port 0 lets the OS pick the port, which {@link #port()}
 * reports: there is no probe-then-bind race.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    /** Handles one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Request request) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts. Routes map a path prefix to a handler; the longest matching prefix wins.
     *
     * @throws java.net.BindException when an explicit port is taken
     */
    public static LoopbackHttpServer start(int port, String token, Map<String, Handler> routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        Map<String, Handler> sorted = new LinkedHashMap<>();
        routes.entrySet().stream()
                .sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        server.createContext("/", exchange -> {
            try (exchange) {
                Request request = new Request(exchange);
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                if (auth == null || !MessageDigest.isEqual(expected, auth.getBytes(StandardCharsets.UTF_8))) {
                    request.drain();
                    request.replyError(401, "UNAUTHORIZED", "missing or wrong bearer token");
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                for (Map.Entry<String, Handler> route : sorted.entrySet()) {
                    if (path.startsWith(route.getKey())) {
                        route.getValue().handle(request);
                        return;
                    }
                }
                request.drain();
                request.replyError(404, "NOT_FOUND", "no such endpoint: " + path);
            } catch (IOException | RuntimeException e) {
                // the client went away mid-exchange, or a handler failed after replying; nothing to send
            }
        });
        server.start();
        return new LoopbackHttpServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One request, with helpers to reply in JSON. */
    public static final class Request {
        private final HttpExchange exchange;
        private byte[] body;

        Request(HttpExchange exchange) {
            this.exchange = exchange;
        }

        public String method() {
            return exchange.getRequestMethod();
        }

        public String path() {
            return exchange.getRequestURI().getPath();
        }

        /** A query parameter's value, or null. */
        public String query(String name) {
            String q = exchange.getRequestURI().getRawQuery();
            if (q == null) return null;
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                if (k.equals(name)) {
                    return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        public byte[] body() throws IOException {
            if (body == null) body = exchange.getRequestBody().readAllBytes();
            return body;
        }

        public <T> T bodyAs(Class<T> type) throws IOException {
            return Json.read(body(), type);
        }

        void drain() throws IOException {
            body();
        }

        public void reply(int status, Object value) throws IOException {
            byte[] bytes = value instanceof byte[] b ? b : Json.bytes(value);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        public void replyRaw(int status, String contentType, byte[] bytes) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        public void replyError(int status, String code, String message) throws IOException {
            reply(status, Map.of("error", Map.of("code", code, "message", message)));
        }

        /** Starts a chunked response; each {@code write} + flush reaches the client at once. */
        public OutputStream stream(int status, String contentType) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, 0);
            return exchange.getResponseBody();
        }
    }
}
