package dev.tandem.protocol.api;

/** One plan validation error on the wire: where, what, how to fix it ({@code hint} may be null). */
public record ValidationError(Pos pos, String message, String hint) {
    public record Pos(String file, int line, int column) {}
}
