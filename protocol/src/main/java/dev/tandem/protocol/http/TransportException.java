package dev.tandem.protocol.http;

import java.io.IOException;

/**
 * A request that did not produce a response, typed by how far it got. Recovery decisions are made
 * from {@link #kind()}, never from message text.
 */
public final class TransportException extends IOException {

    public enum Kind {
        /** No connection: nothing was sent. */
        CONNECT_FAILED,
        /** The request was not fully written: the server cannot have parsed it. */
        WRITE_FAILED,
        /** The request was written, the response did not arrive whole: it may have been acted on. */
        RESPONSE_LOST,
        /** The request was written and no response came within the deadline. */
        TIMEOUT,
        /** A response arrived but is not HTTP we understand. */
        MALFORMED
    }

    private final Kind kind;

    public TransportException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the peer may have received and acted on the request. */
    public boolean maybeDelivered() {
        return kind != Kind.CONNECT_FAILED && kind != Kind.WRITE_FAILED;
    }
}
