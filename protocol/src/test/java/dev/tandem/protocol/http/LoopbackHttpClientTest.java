package dev.tandem.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The loopback client against a real server: keep-alive, streaming, and failures typed by how far a request got. */
class LoopbackHttpClientTest {

    @Test
    void roundTripsReuseOneConnectionAndRequireTheToken() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.start(0, "secret", Map.of(
                "/echo", r -> r.reply(200, r.body())));
                LoopbackHttpClient client = new LoopbackHttpClient(server.port(), "secret");
                LoopbackHttpClient stranger = new LoopbackHttpClient(server.port(), "wrong")) {
            for (int i = 0; i < 50; i++) {
                HttpResponse r = client.send("POST", "/echo", ("{\"n\":" + i + "}").getBytes(), 5_000);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.bodyText()).isEqualTo("{\"n\":" + i + "}");
            }
            assertThat(stranger.send("GET", "/echo", null, 5_000).status()).isEqualTo(401);
        }
    }

    @Test
    void streamedBodiesArriveChunkByChunk() throws Exception {
        CountDownLatch second = new CountDownLatch(1);
        try (LoopbackHttpServer server = LoopbackHttpServer.start(0, "t", Map.of("/events", r -> {
            try (OutputStream out = r.stream(200, "application/x-ndjson")) {
                out.write("{\"a\":1}\n".getBytes());
                out.flush();
                second.await();
                out.write("{\"b\":2}\n".getBytes());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })); LoopbackHttpClient client = new LoopbackHttpClient(server.port(), "t");
                LoopbackHttpClient.Streaming s = client.stream("POST", "/events", new byte[0], 5_000)) {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.body(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("{\"a\":1}");
            second.countDown();
            assertThat(in.readLine()).isEqualTo("{\"b\":2}");
            assertThat(in.readLine()).isNull();
        }
    }

    @Test
    void nothingListeningIsConnectFailed_nothingDelivered() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (LoopbackHttpClient client = new LoopbackHttpClient(port, "t")) {
            assertThatThrownBy(() -> client.send("GET", "/x", null, 1_000))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT_FAILED);
                        assertThat(e.maybeDelivered()).isFalse();
                    });
        }
    }

    @Test
    void aConnectionClosedAfterTheRequestIsResponseLost_maybeDelivered() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[256]); // read part of the request, then hang up
                } catch (IOException ignored) {
                    // the client's side of the test asserts the outcome
                }
            });
            try (LoopbackHttpClient client = new LoopbackHttpClient(server.getLocalPort(), "t")) {
                assertThatThrownBy(() -> client.send("POST", "/x", "{}".getBytes(), 5_000))
                        .isInstanceOfSatisfying(TransportException.class, e -> {
                            assertThat(e.kind()).isEqualTo(TransportException.Kind.RESPONSE_LOST);
                            assertThat(e.maybeDelivered()).isTrue();
                        });
            }
        }
    }

    @Test
    void noReplyInTimeIsTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    release.await();
                } catch (IOException | InterruptedException ignored) {
                    // closing is the end of the test
                }
            });
            try (LoopbackHttpClient client = new LoopbackHttpClient(server.getLocalPort(), "t")) {
                assertThatThrownBy(() -> client.send("GET", "/slow", null, 200))
                        .isInstanceOfSatisfying(TransportException.class,
                                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void garbageInsteadOfHttpIsMalformed() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write("SSH-2.0-OpenSSH\r\n\r\n".getBytes());
                } catch (IOException ignored) {
                    // the client's side asserts
                }
            });
            try (LoopbackHttpClient client = new LoopbackHttpClient(server.getLocalPort(), "t")) {
                assertThatThrownBy(() -> client.send("GET", "/x", null, 2_000))
                        .isInstanceOfSatisfying(TransportException.class,
                                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.MALFORMED));
            }
        }
    }
}
