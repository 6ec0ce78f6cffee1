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
 * An HTTP server bound to 127.0.0.1, requiring a bearer token on every request: the JDK's server
 * with one virtual thread per exchange ({@link #start}), or one platform thread per connection
 * ({@link #startDirect}). Binding to port 0 lets the OS pick the port, which {@link #port()}
 * reports: there is no probe-then-bind race.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    /** Handles one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Request request) throws IOException;
    }

    private final AutoCloseable server;
    private final int port;

    private LoopbackHttpServer(AutoCloseable server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Binds and starts the JDK's server (a virtual thread per exchange): for many clients and
     * long-lived streams (the daemon). Routes map a path prefix to a handler; the longest matching
     * prefix wins.
     *
     * @throws java.net.BindException when an explicit port is taken
     */
    public static LoopbackHttpServer start(int port, String token, Map<String, Handler> routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        Dispatch dispatch = new Dispatch(token, routes);
        server.createContext("/", exchange -> {
            try (exchange) {
                dispatch.handle(new JdkExchange(exchange));
            }
        });
        server.start();
        return new LoopbackHttpServer(() -> {
            server.stop(0);
            executor.shutdownNow();
        }, server.getAddress().getPort());
    }

    /**
     * The same routes on a server that reads and answers each connection's requests on its own
     * platform thread ({@link SocketHttpServer}): no thread hop per request, for a server on a
     * hot path with few connections (a runner, one round trip per plan step).
     *
     * @throws java.net.BindException when an explicit port is taken
     */
    public static LoopbackHttpServer startDirect(int port, String token, Map<String, Handler> routes) throws IOException {
        Dispatch dispatch = new Dispatch(token, routes);
        SocketHttpServer server = SocketHttpServer.start(port, 128, dispatch::handle);
        return new LoopbackHttpServer(server, server.port());
    }

    /** Bearer-token check, then the longest matching route. */
    private static final class Dispatch {
        private final byte[] expected;
        private final Map<String, Handler> sorted = new LinkedHashMap<>();

        Dispatch(String token, Map<String, Handler> routes) {
            expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
            routes.entrySet().stream()
                    .sorted((a, b) -> b.getKey().length() - a.getKey().length())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        }

        void handle(Exchange exchange) {
            try {
                Request request = new Request(exchange);
                String auth = exchange.header("Authorization");
                if (auth == null || !MessageDigest.isEqual(expected, auth.getBytes(StandardCharsets.UTF_8))) {
                    request.drain();
                    request.replyError(401, "UNAUTHORIZED", "missing or wrong bearer token");
                    return;
                }
                String path = exchange.uri().getPath();
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
        }
    }

    /** The JDK server's exchange. */
    private record JdkExchange(HttpExchange exchange) implements Exchange {
        @Override
        public String method() {
            return exchange.getRequestMethod();
        }

        @Override
        public java.net.URI uri() {
            return exchange.getRequestURI();
        }

        @Override
        public String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }

        @Override
        public java.io.InputStream requestBody() {
            return exchange.getRequestBody();
        }

        @Override
        public void send(int status, String contentType, byte[] bytes) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        @Override
        public OutputStream stream(int status, String contentType) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, 0);
            return exchange.getResponseBody();
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception ignored) {
            // stopping is best effort
        }
    }

    /** One request, with helpers to reply in JSON. */
    public static final class Request {
        private final Exchange exchange;
        private byte[] body;

        Request(Exchange exchange) {
            this.exchange = exchange;
        }

        public String method() {
            return exchange.method();
        }

        public String path() {
            return exchange.uri().getPath();
        }

        /** A query parameter's value, or null. */
        public String query(String name) {
            String q = exchange.uri().getRawQuery();
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
            if (body == null) body = exchange.requestBody().readAllBytes();
            return body;
        }

        public <T> T bodyAs(Class<T> type) throws IOException {
            return Json.read(body(), type);
        }

        void drain() throws IOException {
            body();
        }

        public void reply(int status, Object value) throws IOException {
            exchange.send(status, "application/json", value instanceof byte[] b ? b : Json.bytes(value));
        }

        public void replyRaw(int status, String contentType, byte[] bytes) throws IOException {
            exchange.send(status, contentType, bytes);
        }

        public void replyError(int status, String code, String message) throws IOException {
            reply(status, Map.of("error", Map.of("code", code, "message", message)));
        }

        /** Starts a chunked response; each {@code write} + flush reaches the client at once. */
        public OutputStream stream(int status, String contentType) throws IOException {
            return exchange.stream(status, contentType);
        }
    }
}
