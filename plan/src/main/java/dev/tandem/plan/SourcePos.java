package dev.tandem.plan;

/**
 * A position in a plan file, 1-based, printed as {@code file:line:column}. A position inside a
 * sub-flow also names where that flow was included ({@code via}), outermost last:
 * {@code login.yaml:4:3 via plan.yaml:12:3}.
 */
public record SourcePos(String file, int line, int column, SourcePos via) {
    public static final SourcePos UNKNOWN = new SourcePos("<plan>", 0, 0);

    public SourcePos(String file, int line, int column) {
        this(file, line, column, null);
    }

    /** This position reached through the include at {@code where} (appended to the end of the chain). */
    public SourcePos through(SourcePos where) {
        return new SourcePos(file, line, column, via == null ? where : via.through(where));
    }

    /** The position in the top plan file: the outermost include, or this one. */
    public SourcePos outermost() {
        return via == null ? this : via.outermost();
    }

    /** Just {@code file:line:column}, without the chain. */
    public String here() {
        return file + ":" + line + ":" + column;
    }

    /** The include chain as printed after "via", or null for a position in the top plan file. */
    public String viaText() {
        return via == null ? null : via.toString();
    }

    @Override
    public String toString() {
        return via == null ? here() : here() + " via " + via;
    }
}
