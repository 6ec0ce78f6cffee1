package dev.tandem.appium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both transports of {@link WebDriverClient}: the blocking socket client for the server Tandem owns,
 * the JDK's HttpClient for any other. Every command of a device goes over one connection (no TCP
 * handshake per tap), and a server that is gone or silent maps to the same codes on both.
 */
class KeepAliveTest {
    enum Transport {
        OWNED(WebDriverClient::ofOwnedServer), OTHER(u -> new WebDriverClient(u, null));

        final Function<URI, WebDriverClient> open;

        Transport(Function<URI, WebDriverClient> open) {
            this.open = open;
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void commandsReuseOneConnection(Transport transport) throws Exception {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        List<String> agents = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                clientPorts.add(ex.getRemoteAddress().getPort());
                agents.add(String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
                byte[] body = "{\"value\":null}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        try (WebDriverClient client = transport.open.apply(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))) {
            for (int i = 0; i < 10; i++) {
                client.post("/session/s/actions", PointerActions.tap(1, 1), Duration.ofSeconds(5));
                client.get("/session/s/source", Duration.ofSeconds(5));
            }
        } finally {
            server.stop(0);
        }
        assertThat(clientPorts).as("client ports seen by the server").hasSize(1);
        // which client spoke: the JDK's names itself; the socket client sends no User-Agent
        assertThat(agents).hasSize(20).allSatisfy(a -> {
            if (transport == Transport.OWNED) assertThat(a).isEqualTo("null");
            else assertThat(a).startsWith("Java-http-client");
        });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aServerThatIsGoneOrSilentMapsToTheSameCodes(Transport transport) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (WebDriverClient gone = transport.open.apply(URI.create("http://127.0.0.1:" + port))) {
            assertThatThrownBy(() -> gone.get("/status", Duration.ofSeconds(2))).isInstanceOfSatisfying(TandemException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE)).hasMessageContaining("start the Appium server");
        }
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        silent.setExecutor(Executors.newSingleThreadExecutor());
        silent.createContext("/", ex -> {
            try (ex) {
                release.await(10, TimeUnit.SECONDS); // answers after the client gave up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        silent.start();
        try (WebDriverClient client = transport.open.apply(URI.create("http://127.0.0.1:" + silent.getAddress().getPort()))) {
            assertThatThrownBy(() -> client.post("/session/s/actions", PointerActions.tap(1, 1), Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN))
                    .hasMessageContaining("did not answer POST /session/s/actions within 300 ms");
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }
}
