package dev.tandem.protocol.api;

/** One plan validation error on the wire: where, what, how to fix it ({@code hint} may be null). */
public record ValidationError(Pos pos, String message, String hint) {
    /** @param via where the sub-flow holding this position was included ({@code plan.yaml:12:3}, outermost last); null in the plan itself */
    public record Pos(String file, int line, int column, String via) {
        public Pos(String file, int line, int column) {
            this(file, line, column, null);
        }

        @Override
        public String toString() {
            return file + ":" + line + ":" + column + (via == null ? "" : " via " + via);
        }
    }
}
