package dev.tandem.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback services behind the apps, on one HTTP server bound to 127.0.0.1 (port chosen by
 * the OS): the chat service under {@link #chatUrl()} and the web twins under {@link #appsUrl()}.
 * No authentication: it serves fixture data only, to this machine only. One virtual thread per
 * exchange, so long-polling readers cost next to nothing. API: docs/apps.md.
 */
public final class AppServices implements AutoCloseable {
    static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ChatRooms chat = new ChatRooms();
    private final AppCatalog catalog;

    private AppServices(HttpServer server, ExecutorService executor, AppCatalog catalog) {
        this.server = server;
        this.executor = executor;
        this.catalog = catalog;
    }

    /** Starts the services for the built-in apps. */
    public static AppServices start() throws IOException {
        return start(AppCatalog.builtin());
    }

    public static AppServices start(AppCatalog catalog) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        AppServices services = new AppServices(server, executor, catalog);
        server.createContext("/", services::handle);
        server.start();
        return services;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL of the chat service, e.g. {@code http://127.0.0.1:41234/chat}. */
    public String chatUrl() {
        return "http://127.0.0.1:" + port() + "/chat";
    }

    /** Base URL of the web twins: {@code appsUrl() + "/com.chat.app/"} is the chat app's twin. */
    public String appsUrl() {
        return "http://127.0.0.1:" + port() + "/apps";
    }

    /** The map to pass as {@code LaunchRequest.services}: {@code chat} and {@code apps}. */
    public Map<String, String> services() {
        return Map.of("chat", chatUrl(), "apps", appsUrl());
    }

    /** The chat rooms themselves, for tests and diagnostics (counting effects). */
    public ChatRooms chat() {
        return chat;
    }

    @Override
    public void close() {
        chat.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/chat/")) chat(exchange, path);
            else if (path.equals("/apps") || path.startsWith("/apps/")) apps(exchange, path);
            else error(exchange, 404, "NOT_FOUND", "no such endpoint: " + path + "; the services are under /chat/rooms/ and /apps/");
        } catch (IOException | RuntimeException e) {
            // the client went away mid-exchange; nothing left to answer
        }
    }

    private void chat(HttpExchange ex, String path) throws IOException {
        String[] parts = path.split("/");
        // "", "chat", "rooms", ROOM, "messages"
        if (parts.length != 5 || !parts[2].equals("rooms") || !parts[4].equals("messages")) {
            error(ex, 404, "NOT_FOUND", "no such endpoint: " + path + "; use /chat/rooms/{room}/messages");
            return;
        }
        String room = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
        try {
            switch (ex.getRequestMethod()) {
                case "POST" -> {
                    JsonNode body = readJson(ex);
                    if (body == null) return;
                    JsonNode from = body.get("from");
                    JsonNode text = body.get("text");
                    if (from == null || !from.isTextual() || text == null || !text.isTextual()) {
                        error(ex, 400, "BAD_REQUEST", "send {\"from\": \"USER\", \"text\": \"MESSAGE\"} with both values as strings");
                        return;
                    }
                    reply(ex, 200, chat.post(room, from.asText(), text.asText()));
                }
                case "GET" -> {
                    Map<String, String> q = query(ex);
                    long after = number(q.get("after"));
                    long waitMs = number(q.get("waitMs"));
                    reply(ex, 200, chat.read(room, after, waitMs));
                }
                default -> error(ex, 405, "METHOD_NOT_ALLOWED", "use GET or POST on " + path);
            }
        } catch (IllegalArgumentException e) {
            error(ex, 400, "BAD_REQUEST", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(ex, 503, "UNAVAILABLE", "the chat service is shutting down");
        }
    }

    private void apps(HttpExchange ex, String path) throws IOException {
        if (!ex.getRequestMethod().equals("GET")) {
            error(ex, 405, "METHOD_NOT_ALLOWED", "the web twins are read-only: use GET");
            return;
        }
        String rest = path.length() <= "/apps/".length() ? "" : path.substring("/apps/".length());
        if (rest.isEmpty()) {
            reply(ex, 200, index());
            return;
        }
        int slash = rest.indexOf('/');
        String appId = slash < 0 ? rest : rest.substring(0, slash);
        Optional<AppDefinition> def = catalog.find(appId);
        if (def.isEmpty()) {
            error(ex, 404, "APP_NOT_INSTALLED", "no app '" + appId + "'; installed: " + String.join(", ", catalog.appIds()));
            return;
        }
        if (slash < 0) {
            ex.getResponseHeaders().set("Location", "/apps/" + appId + "/");
            send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        String file = rest.substring(slash + 1);
        if (file.isEmpty()) file = "index.html";
        if (file.equals("app.json")) {
            send(ex, 200, "application/json", Json.bytes(AppJson.toMap(def.get())));
            return;
        }
        Optional<WebAssets.Asset> asset = WebAssets.read(file);
        if (asset.isEmpty()) {
            error(ex, 404, "NOT_FOUND", "no web twin file '" + file + "' (the files live under dev/tandem/apps/web/ on the classpath)");
            return;
        }
        send(ex, 200, asset.get().contentType(), asset.get().bytes());
    }

    private Map<String, Object> index() {
        List<Map<String, String>> apps = catalog.apps().stream().map(d -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("appId", d.appId());
            m.put("name", d.name());
            m.put("url", appsUrl() + "/" + d.appId() + "/");
            return m;
        }).toList();
        return Map.of("apps", apps, "chat", chatUrl());
    }

    private JsonNode readJson(HttpExchange ex) throws IOException {
        byte[] bytes = ex.getRequestBody().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            error(ex, 413, "TOO_LARGE", "the request body is larger than " + MAX_BODY + " bytes");
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            if (node != null && node.isObject()) return node;
        } catch (IOException e) {
            // reported below
        }
        error(ex, 400, "BAD_REQUEST", "the body must be a JSON object");
        return null;
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) return out;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static long number(String value) {
        if (value == null || value.isEmpty()) return 0;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
    }

    private static void reply(HttpExchange ex, int status, Object value) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, status, "application/json", Json.bytes(value));
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        reply(ex, status, Map.of("error", body));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getRequestBody().readNBytes(MAX_BODY); // leave the connection reusable
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
