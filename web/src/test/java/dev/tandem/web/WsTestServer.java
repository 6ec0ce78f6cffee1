package dev.tandem.web;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.net.ServerSocketFactory;

/**
 * A one-connection WebSocket server on loopback for {@link WebSocketConnectionTest}: it answers the
 * upgrade (or refuses it, or answers it wrongly), then echoes every text message back unmasked,
 * and queues what it received (texts, pongs) for the test to read. Plain or TLS by the factory given.
 */
final class WsTestServer implements AutoCloseable {
    enum Upgrade { ACCEPT, REFUSE, WRONG_ACCEPT }

    private final ServerSocket server;
    private final Upgrade upgrade;
    private final String scheme;
    final BlockingQueue<String> received = new ArrayBlockingQueue<>(64);
    private volatile Socket client;
    private volatile OutputStream out;

    WsTestServer(ServerSocketFactory factory, String scheme, Upgrade upgrade) throws IOException {
        this.server = factory.createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.scheme = scheme;
        this.upgrade = upgrade;
        Thread t = new Thread(this::serve, "ws-test-server");
        t.setDaemon(true);
        t.start();
    }

    URI uri(String host) {
        return URI.create(scheme + "://" + host + ":" + server.getLocalPort() + "/devtools/page/1");
    }

    private void serve() {
        try (Socket s = server.accept()) {
            client = s;
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            out = s.getOutputStream();
            String key = null;
            for (String line; !(line = readLine(in)).isEmpty(); ) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) key = line.substring(18).strip();
            }
            switch (upgrade) {
                case REFUSE -> {
                    write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                case WRONG_ACCEPT -> key = "not-the-key";
                case ACCEPT -> { }
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                if ((b1 & 0x80) == 0) throw new IOException("a client frame was not masked");
                long len = b1 & 0x7F;
                if (len == 126) len = in.readUnsignedShort();
                else if (len == 127) len = in.readLong();
                byte[] mask = new byte[4];
                in.readFully(mask);
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
                String text = new String(payload, StandardCharsets.UTF_8);
                switch (b0 & 0x0F) {
                    case 0x1 -> {
                        received.add(text);
                        frame(0x81, payload);
                    }
                    case 0xA -> received.add("pong:" + text);
                    case 0x8 -> {
                        received.add("close");
                        return;
                    }
                    default -> received.add("opcode:" + (b0 & 0x0F));
                }
            }
        } catch (Exception e) {
            received.offer("server-ended: " + e.getClass().getSimpleName());
        }
    }

    /** Sends one frame (server frames are unmasked); {@code b0} carries FIN and the opcode. */
    void frame(int b0, byte[] payload) throws IOException {
        int n = payload.length;
        byte[] head;
        if (n < 126) {
            head = new byte[] {(byte) b0, (byte) n};
        } else if (n <= 0xFFFF) {
            head = new byte[] {(byte) b0, 126, (byte) (n >>> 8), (byte) n};
        } else {
            head = new byte[10];
            head[0] = (byte) b0;
            head[1] = 127;
            for (int i = 0; i < 8; i++) head[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
        }
        byte[] f = new byte[head.length + n];
        System.arraycopy(head, 0, f, 0, head.length);
        System.arraycopy(payload, 0, f, head.length, n);
        write(f);
    }

    private synchronized void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new IOException("closed during the handshake");
            if (c != '\r') sb.append((char) c);
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        Socket c = client;
        if (c != null) c.close();
        server.close();
    }
}
