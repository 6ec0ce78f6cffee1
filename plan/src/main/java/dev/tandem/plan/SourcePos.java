package dev.tandem.plan;

/** A position in a plan file, 1-based, printed as {@code file:line:column}. */
public record SourcePos(String file, int line, int column) {
    public static final SourcePos UNKNOWN = new SourcePos("<plan>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
