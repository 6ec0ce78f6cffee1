package dev.tandem.protocol.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A minimal HTTP/1.1 client for 127.0.0.1 with keep-alive, written by hand because it sits on the
 * hot path (one round trip per plan step) and because recovery needs to know exactly how far a
 * request got: connect failed, not fully written, written but no reply ({@link TransportException.Kind}).
 * The JDK's HttpClient hides that distinction.
 *
 * <p>Thread-safe: each exchange borrows a pooled connection.
 */
public final class LoopbackHttpClient implements Closeable {
    /** Connections idle longer than this are dropped rather than reused: the server may have closed them. */
    private static final long MAX_IDLE_NANOS = 10_000_000_000L;
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final int port;
    private final String authorization;
    private final ConcurrentLinkedDeque<Conn> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    public LoopbackHttpClient(int port, String token) {
        this.port = port;
        this.authorization = token == null ? null : "Bearer " + token;
    }

    public int port() {
        return port;
    }

    /** Sends a request and reads the whole response. */
    public HttpResponse send(String method, String path, byte[] body, long timeoutMs) throws TransportException {
        Conn conn = borrow();
        boolean reusable = false;
        try {
            write(conn, method, path, body);
            HttpResponse response = readResponse(conn, timeoutMs);
            reusable = conn.keepAlive;
            return response;
        } finally {
            release(conn, reusable);
        }
    }

    /**
     * Sends a request and returns the response body as a stream (for chunked event streams).
     * {@code timeoutMs} bounds the wait for the headers and then every silence between body bytes
     * (a read then fails with a {@link java.net.SocketTimeoutException}). Closing the stream closes
     * the connection.
     */
    public Streaming stream(String method, String path, byte[] body, long timeoutMs) throws TransportException {
        Conn conn = borrow();
        try {
            write(conn, method, path, body);
            conn.socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMs)));
            Head head = readHead(conn);
            // the same bound applies to silence between body bytes: a streaming server sends heartbeats
            InputStream bodyIn = head.chunked ? new ChunkedInputStream(conn.in)
                    : head.contentLength >= 0 ? new BoundedInputStream(conn.in, head.contentLength) : conn.in;
            return new Streaming(head.status, bodyIn, conn);
        } catch (IOException e) {
            conn.closeQuietly();
            if (e instanceof TransportException te) throw te;
            throw new TransportException(TransportException.Kind.RESPONSE_LOST, "response lost: " + e, e);
        }
    }

    /** A response whose body is read as it arrives. */
    public static final class Streaming implements Closeable {
        private final int status;
        private final InputStream body;
        private final Conn conn;

        Streaming(int status, InputStream body, Conn conn) {
            this.status = status;
            this.body = body;
            this.conn = conn;
        }

        public int status() {
            return status;
        }

        public InputStream body() {
            return body;
        }

        @Override
        public void close() {
            conn.closeQuietly();
        }
    }

    private Conn borrow() throws TransportException {
        if (closed) throw new TransportException(TransportException.Kind.CONNECT_FAILED, "client closed", null);
        long now = System.nanoTime();
        Conn c;
        while ((c = idle.pollFirst()) != null) {
            if (now - c.lastUsed < MAX_IDLE_NANOS && !c.socket.isClosed()) return c;
            c.closeQuietly();
        }
        return connect();
    }

    private void release(Conn conn, boolean reusable) {
        if (reusable && !closed) {
            conn.lastUsed = System.nanoTime();
            idle.addFirst(conn);
        } else {
            conn.closeQuietly();
        }
    }

    private Conn connect() throws TransportException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            return new Conn(s);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do: the socket never connected
            }
            String why = e instanceof ConnectException ? "connection refused" : e.toString();
            throw new TransportException(TransportException.Kind.CONNECT_FAILED,
                    "cannot connect to 127.0.0.1:" + port + " (" + why + ")", e);
        }
    }

    private void write(Conn conn, String method, String path, byte[] body) throws TransportException {
        StringBuilder head = new StringBuilder(192);
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        if (authorization != null) head.append("Authorization: ").append(authorization).append("\r\n");
        int len = body == null ? 0 : body.length;
        if (body != null) head.append("Content-Type: application/json\r\n");
        head.append("Content-Length: ").append(len).append("\r\n\r\n");
        try {
            conn.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) conn.out.write(body);
            conn.out.flush();
        } catch (IOException e) {
            conn.closeQuietly();
            throw new TransportException(TransportException.Kind.WRITE_FAILED, "request not fully written: " + e, e);
        }
    }

    private HttpResponse readResponse(Conn conn, long timeoutMs) throws TransportException {
        try {
            conn.socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMs)));
            Head head = readHead(conn);
            byte[] body;
            if (head.chunked) {
                body = new ChunkedInputStream(conn.in).readAllBytes();
            } else if (head.contentLength >= 0) {
                body = conn.in.readNBytes((int) head.contentLength);
                if (body.length < head.contentLength) throw new EOFException("body cut short");
            } else {
                body = conn.in.readAllBytes();
                conn.keepAlive = false;
            }
            return new HttpResponse(head.status, body);
        } catch (SocketTimeoutException e) {
            conn.closeQuietly();
            throw new TransportException(TransportException.Kind.TIMEOUT, "no response within " + timeoutMs + " ms", e);
        } catch (TransportException e) {
            conn.closeQuietly();
            throw e;
        } catch (IOException e) {
            conn.closeQuietly();
            throw new TransportException(TransportException.Kind.RESPONSE_LOST, "response lost: " + e, e);
        }
    }

    private record Head(int status, long contentLength, boolean chunked) {}

    private static Head readHead(Conn conn) throws IOException {
        String statusLine = HttpWire.readLine(conn.in);
        if (statusLine == null) throw new EOFException("connection closed before the response");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new TransportException(TransportException.Kind.MALFORMED, "not an HTTP response: " + statusLine, null);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new TransportException(TransportException.Kind.MALFORMED, "bad status line: " + statusLine, e);
        }
        long contentLength = -1;
        boolean chunked = false;
        conn.keepAlive = !parts[0].equals("HTTP/1.0");
        String line;
        while ((line = HttpWire.readLine(conn.in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> {
                    if (value.equalsIgnoreCase("close")) conn.keepAlive = false;
                }
                default -> { }
            }
        }
        if (line == null) throw new EOFException("connection closed inside the response headers");
        return new Head(status, contentLength, chunked);
    }

    @Override
    public void close() {
        closed = true;
        Conn c;
        while ((c = idle.pollFirst()) != null) c.closeQuietly();
    }

    static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        long lastUsed = System.nanoTime();
        boolean keepAlive = true;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        void closeQuietly() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }

    /** A body of known length: reads stop at its end, not at the connection's. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int c = in.read();
            if (c >= 0) left--;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }
    }
}
