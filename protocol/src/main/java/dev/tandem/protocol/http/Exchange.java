package dev.tandem.protocol.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;

/** One request/response as {@link LoopbackHttpServer.Request} needs it, whichever server carries it. */
interface Exchange {
    String method();

    URI uri();

    /** A request header's first value, or null. */
    String header(String name);

    InputStream requestBody();

    /** The whole response: status, content type and body (empty: no body). */
    void send(int status, String contentType, byte[] body) throws IOException;

    /** Starts a chunked response; each {@code write} + flush reaches the client at once. */
    OutputStream stream(int status, String contentType) throws IOException;
}
