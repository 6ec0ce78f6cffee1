package dev.tandem.plan;

/** One validation error: where, what, and how to fix it. */
public record Diagnostic(SourcePos pos, String message, String hint) {
    @Override
    public String toString() {
        return pos + ": " + message + (hint == null ? "" : " (" + hint + ")");
    }
}
