package dev.tandem.protocol.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * HTTP/1.1 on 127.0.0.1 with one platform thread per connection, reading each request and writing
 * its reply on that thread. For a server whose every request is a hot-path round trip from one
 * client (a runner, driven by its daemon): the kernel wakes the connection's thread directly,
 * where the JDK's server passes each request from its selector thread to an executor (a thread
 * hop per request, ~0.1-0.4 ms on a loaded 2-core machine). Keep-alive, Content-Length and chunked
 * request bodies, fixed-length and chunked replies. A handler that returns without replying (or
 * fails first) gets its connection closed, as with the JDK's server.
 */
final class SocketHttpServer implements AutoCloseable {
    private static final int MAX_HEADERS = 100;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final ServerSocket server;
    private final Consumer<Exchange> handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private SocketHttpServer(ServerSocket server, Consumer<Exchange> handler) {
        this.server = server;
        this.handler = handler;
    }

    /** @throws java.net.BindException when an explicit port is taken */
    static SocketHttpServer start(int port, int backlog, Consumer<Exchange> handler) throws IOException {
        ServerSocket ss = new ServerSocket();
        try {
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        } catch (IOException e) {
            ss.close();
            throw e;
        }
        SocketHttpServer s = new SocketHttpServer(ss, handler);
        // not a daemon thread: like the JDK server's dispatcher, it keeps a process that only serves alive
        Thread.ofPlatform().daemon(false).name("http-accept-" + ss.getLocalPort()).start(s::acceptLoop);
        return s;
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (closed) return;
                continue; // a connection that failed while being accepted; the next one may be fine
            }
            open.add(s);
            if (closed) {
                closeQuietly(s);
                return;
            }
            Thread.ofPlatform().daemon().name("http-conn-" + s.getPort()).start(() -> serve(s));
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
            while (!closed) {
                String line = HttpWire.readLine(in);
                if (line == null) return;
                if (line.isEmpty()) continue; // a stray CRLF between requests is allowed
                String[] parts = line.split(" ");
                if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                    plain(out, 400, "malformed request line");
                    return;
                }
                Map<String, String> headers = new HashMap<>();
                String h;
                while ((h = HttpWire.readLine(in)) != null && !h.isEmpty()) {
                    if (headers.size() >= MAX_HEADERS) {
                        plain(out, 431, "too many headers");
                        return;
                    }
                    int colon = h.indexOf(':');
                    if (colon > 0) headers.putIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                if (h == null) return;
                URI uri;
                try {
                    uri = new URI(parts[1]);
                } catch (java.net.URISyntaxException e) {
                    plain(out, 400, "malformed request target");
                    return;
                }
                if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                byte[] body;
                if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
                    body = new ChunkedInputStream(in).readNBytes(MAX_BODY + 1);
                    if (body.length > MAX_BODY) { // the same bound as a sized body: a chunked one never grows without end
                        plain(out, 413, "request body too large");
                        return;
                    }
                } else {
                    long len = Long.parseLong(headers.getOrDefault("content-length", "0"));
                    if (len < 0 || len > MAX_BODY) {
                        plain(out, 413, "request body too large");
                        return;
                    }
                    body = in.readNBytes((int) len);
                    if (body.length < len) return; // cut short: the client went away
                }
                boolean keepAlive = !parts[2].equals("HTTP/1.0") && !"close".equalsIgnoreCase(headers.get("connection"));
                SocketExchange ex = new SocketExchange(parts[0], uri, headers, new ByteArrayInputStream(body), out);
                handler.accept(ex);
                if (!ex.finish() || !keepAlive) return;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or sent something that is not HTTP: the connection ends
        } finally {
            open.remove(s);
        }
    }

    private static void plain(OutputStream out, int status, String why) throws IOException {
        byte[] b = why.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: text/plain\r\nContent-Length: " + b.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        for (Socket s : open) closeQuietly(s);
    }

    /** One exchange on a connection: replied to at most once. */
    private static final class SocketExchange implements Exchange {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers;
        private final InputStream body;
        private final OutputStream out;
        private boolean replied;
        private Chunked chunked;

        SocketExchange(String method, URI uri, Map<String, String> headers, InputStream body, OutputStream out) {
            this.method = method;
            this.uri = uri;
            this.headers = headers;
            this.body = body;
            this.out = out;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public URI uri() {
            return uri;
        }

        @Override
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public InputStream requestBody() {
            return body;
        }

        @Override
        public void send(int status, String contentType, byte[] bytes) throws IOException {
            if (replied) throw new IOException("already replied");
            replied = true;
            out.write(head(status, contentType, "Content-Length: " + bytes.length));
            out.write(bytes);
            out.flush();
        }

        @Override
        public OutputStream stream(int status, String contentType) throws IOException {
            if (replied) throw new IOException("already replied");
            replied = true;
            out.write(head(status, contentType, "Transfer-Encoding: chunked"));
            chunked = new Chunked(out);
            return chunked;
        }

        private static byte[] head(int status, String contentType, String framing) {
            return ("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType + "\r\n" + framing + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }

        /** Ends the exchange; false when the connection must close (no reply was sent). */
        boolean finish() throws IOException {
            if (!replied) return false;
            if (chunked != null) chunked.close();
            return true;
        }
    }

    /** A chunked reply body: each write is a chunk, close sends the last one. */
    private static final class Chunked extends OutputStream {
        private final OutputStream out;
        private boolean closed;

        Chunked(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) throw new IOException("stream closed");
            if (len == 0) return;
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(b, off, len);
            out.write('\r');
            out.write('\n');
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
