package dev.tandem.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Test pages on 127.0.0.1: {@code /pages/NAME} from the test resources, {@code /slow?ms=N} answers
 * after N ms (a response the page waits for), {@code /poll?waitMs=N} likewise (a long-poll).
 */
final class TestPages implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    TestPages() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String page) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pages/" + page;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getQuery();
            if (path.startsWith("/pages/")) {
                try (InputStream in = TestPages.class.getResourceAsStream("pages/" + path.substring("/pages/".length()))) {
                    if (in == null) {
                        send(ex, 404, "text/plain", "no such page");
                        return;
                    }
                    send(ex, 200, "text/html; charset=utf-8", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } else if (path.equals("/slow") || path.equals("/poll")) {
                long ms = Long.parseLong(query.replaceAll(".*(?:ms|waitMs)=(\\d+).*", "$1"));
                // The server's own latency, which the page under test waits out: not a test wait.
                LockSupport.parkNanos(ms * 1_000_000L);
                send(ex, 200, "application/json", "{\"ok\":true}");
            } else {
                send(ex, 404, "text/plain", "no such endpoint");
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
