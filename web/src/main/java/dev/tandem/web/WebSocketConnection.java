package dev.tandem.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal RFC 6455 client for a DevTools endpoint (the local Chromium's on loopback, or a remote
 * browser's such as a Selenium Grid's {@code se:cdp}): text messages (fragmented or not), ping/pong
 * and close; no extensions; {@code wss://} through the JDK's default TLS socket factory. Written here rather than using java.net.http because
 * that client's first use (SSL context, executors) costs hundreds of milliseconds in a fresh
 * runner JVM, and its callbacks hop threads on every message. One reader thread delivers whole
 * messages in order; sends are serialised.
 */
final class WebSocketConnection implements AutoCloseable {
    /** Bounds one message (a full-page screenshot is a few MB of base64). */
    static final int MAX_MESSAGE_BYTES = 256 << 20;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    interface Handler {
        void onText(String message);

        /** Called once, when the connection ends for any reason. */
        void onClosed(String reason);
    }

    private final Socket socket;
    private final OutputStream out;
    private final Handler handler;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebSocketConnection(Socket socket, Handler handler) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.handler = handler;
    }

    /** Connects and completes the opening handshake, bounded by {@code timeoutMs}; {@code wss://} trusts what the JVM trusts. */
    static WebSocketConnection open(URI uri, int timeoutMs, Handler handler) throws IOException {
        return open(uri, timeoutMs, handler, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** As {@link #open(URI, int, Handler)}, with the TLS socket factory given (tests trust their own certificate). */
    static WebSocketConnection open(URI uri, int timeoutMs, Handler handler, SSLSocketFactory tlsFactory) throws IOException {
        boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        if (!tls && !"ws".equalsIgnoreCase(uri.getScheme())) throw new IOException("not a WebSocket URL (ws:// or wss://): " + uri);
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            if (tls) socket = tlsOver(tlsFactory, socket, uri.getHost(), port);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + (path.isEmpty() ? "/" : path) + " HTTP/1.1\r\nHost: " + uri.getHost() + (uri.getPort() > 0 ? ":" + port : "")
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            String head = readHead(in);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException("the DevTools endpoint refused the WebSocket upgrade: " + head.lines().findFirst().orElse(head));
            }
            String accept = accept(key);
            if (head.lines().noneMatch(l -> l.toLowerCase().startsWith("sec-websocket-accept:") && l.substring(21).strip().equals(accept))) {
                throw new IOException("the DevTools endpoint answered the upgrade with a wrong Sec-WebSocket-Accept");
            }
            socket.setSoTimeout(0); // the reader blocks until a message or the end: Chromium dying closes the socket
            WebSocketConnection c = new WebSocketConnection(socket, handler);
            Thread reader = new Thread(() -> c.readLoop(in), "cdp-reader-" + port);
            reader.setDaemon(true);
            reader.start();
            return c;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * TLS over the connected socket, checking the server's certificate and host name. A certificate
     * the JVM does not trust (a Grid behind a private CA) fails the handshake: the message says how
     * to make Tandem's JVMs trust it, since the runner that opens this connection inherits their options.
     */
    private static Socket tlsOver(SSLSocketFactory factory, Socket plain, String host, int port) throws IOException {
        SSLSocket tls = (SSLSocket) factory.createSocket(plain, host, port, true);
        SSLParameters params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(params);
        try {
            tls.startHandshake();
        } catch (SSLHandshakeException e) {
            tls.close();
            throw new IOException("the TLS handshake with " + host + ":" + port + " failed (" + e.getMessage() + "): if its certificate"
                    + " is signed by a private CA or names another host, put the CA in a trust store and start Tandem with"
                    + " JAVA_TOOL_OPTIONS='-Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=…'"
                    + " (after `tandem daemon stop`: the daemon and its runners inherit it)", e);
        }
        return tls;
    }

    /** Sends one text message (masked, as clients must). */
    void sendText(String text) throws IOException {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    private void send(int opcode, byte[] payload) throws IOException {
        int n = payload.length;
        int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + 4 + n];
        frame[0] = (byte) (0x80 | opcode);
        if (n < 126) {
            frame[1] = (byte) (0x80 | n);
        } else if (n <= 0xFFFF) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (n >>> 8);
            frame[3] = (byte) n;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) frame[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) frame[header + i] = (byte) (mask >>> (24 - 8 * i));
        for (int i = 0; i < n; i++) frame[header + 4 + i] = (byte) (payload[i] ^ frame[header + (i & 3)]);
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    private void readLoop(DataInputStream in) {
        String reason = "Chromium closed the DevTools connection";
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                int opcode = b0 & 0x0F;
                long len = b1 & 0x7F;
                if (len == 126) len = in.readUnsignedShort();
                else if (len == 127) len = in.readLong();
                byte[] mask = null;
                if ((b1 & 0x80) != 0) {
                    mask = new byte[4];
                    in.readFully(mask);
                }
                if (len < 0 || len + message.size() > MAX_MESSAGE_BYTES) {
                    reason = "a DevTools message exceeded " + MAX_MESSAGE_BYTES + " bytes";
                    break;
                }
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                if (mask != null) for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
                switch (opcode) {
                    case 0x0, 0x1, 0x2 -> {
                        message.write(payload);
                        if ((b0 & 0x80) != 0) {
                            if (opcode != 0x2) handler.onText(message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                    case 0x8 -> {
                        send(0x8, new byte[0]);
                        throw new EOFException();
                    }
                    case 0x9 -> send(0xA, payload);
                    default -> { } // pong, reserved
                }
            }
        } catch (EOFException e) {
            // closed by the other side
        } catch (IOException e) {
            if (!closed.get()) reason = "the DevTools connection broke: " + e.getMessage();
        }
        close();
        handler.onClosed(reason);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static String readHead(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) throw new EOFException("the DevTools endpoint closed the connection during the handshake");
            sb.append((char) c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (sb.length() > 16_384) throw new IOException("the DevTools endpoint sent an oversized handshake");
        }
        return sb.toString();
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }
}
