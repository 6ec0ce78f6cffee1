package dev.tandem.protocol.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The few bits of HTTP/1.1 framing the loopback client needs. */
final class HttpWire {
    private static final int MAX_LINE = 16 * 1024;

    private HttpWire() {}

    /** Reads a CRLF-terminated line; null on end of stream before any byte. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] b = buf.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            buf.write(c);
            if (buf.size() > MAX_LINE) throw new IOException("HTTP line longer than " + MAX_LINE + " bytes");
        }
        if (buf.size() == 0) return null;
        throw new IOException("connection closed mid-line");
    }
}
