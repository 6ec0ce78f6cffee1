package dev.tandem.plan;

import java.util.List;

/**
 * A YAML value after alias expansion and {@code <<} merging, with the position it was written
 * at. The plan reader works on this tree only, so every diagnostic can name a line and column.
 */
public sealed interface YNode permits YNode.Scalar, YNode.Seq, YNode.Map {

    SourcePos pos();

    /** Whether this node is where an anchor was defined ({@code &name}), not an alias to it. */
    boolean anchorDef();

    /** What the user wrote, for "expected X, found Y" messages. */
    String describe();

    /** A scalar's resolved type under the YAML 1.2 core schema. */
    enum Kind { STR, INT, FLOAT, BOOL, NULL }

    /** @param plain written without quotes: its type follows from its text (and again after parameters are filled in) */
    record Scalar(Kind kind, String text, SourcePos pos, boolean anchorDef, boolean plain) implements YNode {
        public Scalar(Kind kind, String text, SourcePos pos, boolean anchorDef) {
            this(kind, text, pos, anchorDef, false);
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STR -> "the string '" + abbreviate(text) + "'";
                case INT -> "the integer " + abbreviate(text);
                case FLOAT -> "the number " + abbreviate(text);
                case BOOL -> "the boolean " + text;
                case NULL -> "an empty value";
            };
        }

        /** The value as a long, or null when it is no integer or does not fit. */
        public Long asLong() {
            return kind == Kind.INT ? parseLong(text) : null;
        }

        public boolean asBool() {
            return text.equalsIgnoreCase("true");
        }
    }

    record Seq(List<YNode> items, SourcePos pos, boolean anchorDef) implements YNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    record Map(List<Entry> entries, SourcePos pos, boolean anchorDef) implements YNode {
        @Override
        public String describe() {
            return "a mapping";
        }

        /** The entry for a key, or null. Mappings in plans are small: a scan beats hashing. */
        public Entry get(String key) {
            for (Entry e : entries) if (e.key().equals(key)) return e;
            return null;
        }
    }

    /** One key of a mapping; {@code keyPos} is where the key itself was written. */
    record Entry(String key, SourcePos keyPos, YNode value) {}

    /** Core-schema integers: decimal with optional sign, 0o octal, 0x hex. Null on overflow. */
    private static Long parseLong(String s) {
        try {
            if (s.startsWith("0x")) return Long.parseLong(s.substring(2), 16);
            if (s.startsWith("0o")) return Long.parseLong(s.substring(2), 8);
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
