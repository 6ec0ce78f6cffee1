package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DevTools WebSocket client against a server of the test's own, over ws:// and wss:// (a Grid's
 * {@code se:cdp} behind TLS): messages both ways, fragments, ping, close, a refused or wrong
 * upgrade, and a certificate the JVM does not trust, each with what the user sees.
 */
class WebSocketConnectionTest {
    private static final char[] PASS = "changeit".toCharArray();
    @TempDir
    static Path dir;
    static SSLContext serverTls;
    static SSLSocketFactory trusting;

    static SSLContext otherNameTls;

    /**
     * Two self-signed certificates made by the JDK's keytool: one for 127.0.0.1, one for another
     * host only; the client's factory trusts exactly these two.
     */
    @BeforeAll
    static void certificates() throws Exception {
        KeyStore good = keyStore("good", "san=ip:127.0.0.1");
        KeyStore other = keyStore("other", "san=dns:grid.tandem.invalid");
        serverTls = serverContext(good);
        otherNameTls = serverContext(other);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, PASS);
        trust.setCertificateEntry("good", good.getCertificate("ws"));
        trust.setCertificateEntry("other", other.getCertificate("ws"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        trusting = client.getSocketFactory();
    }

    private static KeyStore keyStore(String name, String san) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "ws", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", san, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", new String(PASS), "-keypass", new String(PASS))
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // ends when keytool does
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as(out).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(ks.toFile())) {
            store.load(in, PASS);
        }
        return store;
    }

    private static SSLContext serverContext(KeyStore store) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASS);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }

    /** What the client's reader delivered, in order; "closed: why" last. */
    static final class Inbox implements WebSocketConnection.Handler {
        final BlockingQueue<String> got = new LinkedBlockingQueue<>();

        @Override
        public void onText(String message) {
            got.add(message);
        }

        @Override
        public void onClosed(String reason) {
            got.add("closed: " + reason);
        }

        String next() throws InterruptedException {
            String s = got.poll(10, TimeUnit.SECONDS);
            assertThat(s).as("a message within 10 s").isNotNull();
            return s;
        }
    }

    static String next(BlockingQueue<String> q) throws InterruptedException {
        String s = q.poll(10, TimeUnit.SECONDS);
        assertThat(s).as("the server received something within 10 s").isNotNull();
        return s;
    }

    @Test
    void wsCarriesMessagesBothWaysAndAnswersPings() throws Exception {
        try (WsTestServer server = new WsTestServer(ServerSocketFactory.getDefault(), "ws", WsTestServer.Upgrade.ACCEPT)) {
            Inbox inbox = new Inbox();
            try (WebSocketConnection c = WebSocketConnection.open(server.uri("127.0.0.1"), 5_000, inbox)) {
                String big = "x".repeat(70_000); // a 64-bit length on the way back
                c.sendText("{\"id\":1}");
                c.sendText(big);
                assertThat(next(server.received)).isEqualTo("{\"id\":1}");
                assertThat(inbox.next()).isEqualTo("{\"id\":1}");
                assertThat(inbox.next()).as("the 70,000-character echo").hasSize(big.length()).isEqualTo(big);
                server.frame(0x01, "{\"method\":".getBytes(StandardCharsets.UTF_8)); // a message in two fragments
                server.frame(0x80, "\"Page.loadEventFired\"}".getBytes(StandardCharsets.UTF_8));
                assertThat(inbox.next()).isEqualTo("{\"method\":\"Page.loadEventFired\"}");
                server.frame(0x89, "are-you-there".getBytes(StandardCharsets.UTF_8));
                assertThat(next(server.received)).as("what the server got").hasSize(big.length()).isEqualTo(big);
                assertThat(next(server.received)).isEqualTo("pong:are-you-there");
                server.frame(0x88, new byte[0]);
                assertThat(next(server.received)).isEqualTo("close");
                assertThat(inbox.next()).isEqualTo("closed: Chromium closed the DevTools connection");
            }
        }
    }

    @Test
    void wssWithATrustedCertificateCarriesMessages() throws Exception {
        try (WsTestServer server = new WsTestServer(serverTls.getServerSocketFactory(), "wss", WsTestServer.Upgrade.ACCEPT)) {
            Inbox inbox = new Inbox();
            try (WebSocketConnection c = WebSocketConnection.open(server.uri("127.0.0.1"), 5_000, inbox, trusting)) {
                c.sendText("{\"id\":7,\"method\":\"Runtime.evaluate\"}");
                assertThat(inbox.next()).isEqualTo("{\"id\":7,\"method\":\"Runtime.evaluate\"}");
                server.frame(0x81, "{\"id\":8}".getBytes(StandardCharsets.UTF_8));
                assertThat(inbox.next()).isEqualTo("{\"id\":8}");
            }
        }
    }

    @Test
    void wssWithAnUntrustedCertificateSaysHowToTrustIt() throws Exception {
        try (WsTestServer server = new WsTestServer(serverTls.getServerSocketFactory(), "wss", WsTestServer.Upgrade.ACCEPT)) {
            // the JVM's own trust store does not know the test's self-signed certificate, as with a Grid behind a private CA
            assertThatThrownBy(() -> WebSocketConnection.open(server.uri("127.0.0.1"), 5_000, new Inbox()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("TLS handshake with 127.0.0.1:")
                    .hasMessageContaining("javax.net.ssl.trustStore")
                    .hasMessageContaining("tandem daemon stop");
        }
    }

    @Test
    void wssToAHostTheCertificateDoesNotNameIsRefused() throws Exception {
        try (WsTestServer server = new WsTestServer(otherNameTls.getServerSocketFactory(), "wss", WsTestServer.Upgrade.ACCEPT)) {
            // a trusted certificate, but for another host name than the one connected to
            assertThatThrownBy(() -> WebSocketConnection.open(server.uri("127.0.0.1"), 5_000, new Inbox(), trusting))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("TLS handshake with 127.0.0.1:")
                    .hasMessageContaining("names another host");
        }
    }

    @Test
    void aRefusedOrWrongUpgradeNamesWhatTheEndpointAnswered() throws Exception {
        try (WsTestServer server = new WsTestServer(ServerSocketFactory.getDefault(), "ws", WsTestServer.Upgrade.REFUSE)) {
            assertThatThrownBy(() -> WebSocketConnection.open(server.uri("127.0.0.1"), 5_000, new Inbox()))
                    .hasMessage("the DevTools endpoint refused the WebSocket upgrade: HTTP/1.1 403 Forbidden");
        }
        try (WsTestServer server = new WsTestServer(ServerSocketFactory.getDefault(), "ws", WsTestServer.Upgrade.WRONG_ACCEPT)) {
            assertThatThrownBy(() -> WebSocketConnection.open(server.uri("127.0.0.1"), 5_000, new Inbox()))
                    .hasMessageContaining("wrong Sec-WebSocket-Accept");
        }
    }

    @Test
    void anHttpUrlIsNotAWebSocket() {
        assertThatThrownBy(() -> WebSocketConnection.open(java.net.URI.create("http://127.0.0.1:1/x"), 1_000, new Inbox()))
                .hasMessageContaining("not a WebSocket URL (ws:// or wss://)");
    }
}
