package dev.tandem.appium;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Every command of a device goes over the same connection: no TCP handshake per tap. */
class KeepAliveTest {
    @Test
    void commandsReuseOneConnection() throws Exception {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                clientPorts.add(ex.getRemoteAddress().getPort());
                byte[] body = "{\"value\":null}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        try (WebDriverClient client = new WebDriverClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null)) {
            for (int i = 0; i < 10; i++) {
                client.post("/session/s/actions", PointerActions.tap(1, 1), Duration.ofSeconds(5));
                client.get("/session/s/source", Duration.ofSeconds(5));
            }
        } finally {
            server.stop(0);
        }
        assertThat(clientPorts).as("client ports seen by the server").hasSize(1);
    }
}
