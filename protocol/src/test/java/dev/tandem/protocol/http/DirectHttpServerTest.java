package dev.tandem.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The thread-per-connection server ({@link LoopbackHttpServer#startDirect}) speaks the same HTTP as the JDK's. */
class DirectHttpServerTest {

    @Test
    void roundTripsOnOneConnectionWithTheTokenRoutesAndQueries() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LoopbackHttpServer server = LoopbackHttpServer.startDirect(0, "secret", Map.of(
                "/echo", r -> {
                    threads.add(Thread.currentThread().getName());
                    r.reply(200, r.body());
                },
                "/echo/query", r -> r.replyRaw(200, "text/plain", (r.method() + " " + r.path() + " " + r.query("bootId")).getBytes()),
                "/empty", r -> r.replyRaw(204, "text/plain", new byte[0])));
                LoopbackHttpClient client = new LoopbackHttpClient(server.port(), "secret");
                LoopbackHttpClient stranger = new LoopbackHttpClient(server.port(), "wrong")) {
            for (int i = 0; i < 50; i++) {
                HttpResponse r = client.send("POST", "/echo", ("{\"n\":" + i + "}").getBytes(), 5_000);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.bodyText()).isEqualTo("{\"n\":" + i + "}");
            }
            assertThat(threads).as("one connection, served by one thread").hasSize(1);
            assertThat(client.send("GET", "/echo/query?bootId=a%20b", null, 5_000).bodyText())
                    .isEqualTo("GET /echo/query a b");
            assertThat(client.send("GET", "/empty", null, 5_000).status()).isEqualTo(204);
            assertThat(client.send("GET", "/nowhere", null, 5_000).status()).isEqualTo(404);
            assertThat(stranger.send("GET", "/echo", null, 5_000).status()).isEqualTo(401);
        }
    }

    @Test
    void aHandlerThatFailsBeforeReplyingDropsTheConnection_theClientSeesResponseLost() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.startDirect(0, "t", Map.of(
                "/drop", r -> {
                    r.body();
                    throw new IOException("dropping");
                },
                "/ok", r -> r.reply(200, Map.of("ok", true))));
                LoopbackHttpClient client = new LoopbackHttpClient(server.port(), "t")) {
            assertThatThrownBy(() -> client.send("POST", "/drop", "{}".getBytes(), 5_000))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESPONSE_LOST));
            assertThat(client.send("GET", "/ok", null, 5_000).bodyText()).isEqualTo("{\"ok\":true}");
        }
    }

    @Test
    void streamedRepliesArriveChunkByChunk() throws Exception {
        CountDownLatch second = new CountDownLatch(1);
        try (LoopbackHttpServer server = LoopbackHttpServer.startDirect(0, "t", Map.of("/events", r -> {
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
            var in = new BufferedReader(new InputStreamReader(s.body(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("{\"a\":1}");
            second.countDown();
            assertThat(in.readLine()).isEqualTo("{\"b\":2}");
            assertThat(in.readLine()).isNull();
        }
    }

    @Test
    void chunkedRequestBodiesAndConnectionCloseAreHonoured() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.startDirect(0, "t", Map.of("/echo", r -> r.reply(200, r.body())));
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1); // ends: the server closed
            assertThat(reply).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 7\r\n").endsWith("\r\n\r\n{\"a\":1}");
        }
    }

    @Test
    void garbageGetsA400AndTheConnectionEnds() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.startDirect(0, "t", Map.of());
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write("NOT HTTP\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 400 ");
        }
    }

    @Test
    void closingTheServerEndsItsOpenConnections() throws Exception {
        LoopbackHttpServer server = LoopbackHttpServer.startDirect(0, "t", Map.of("/ok", r -> r.reply(200, Map.of())));
        try (LoopbackHttpClient client = new LoopbackHttpClient(server.port(), "t")) {
            assertThat(client.send("GET", "/ok", null, 5_000).status()).isEqualTo(200); // a kept-alive connection now idles
            server.close();
            assertThatThrownBy(() -> client.send("GET", "/ok", null, 5_000)).isInstanceOf(TransportException.class);
        }
    }
}
