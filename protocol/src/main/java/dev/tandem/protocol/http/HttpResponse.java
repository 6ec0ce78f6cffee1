package dev.tandem.protocol.http;

import java.nio.charset.StandardCharsets;

/** A complete HTTP response. */
public record HttpResponse(int status, byte[] body) {
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
