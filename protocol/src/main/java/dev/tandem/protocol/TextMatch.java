package dev.tandem.protocol;

import java.util.regex.Pattern;

/**
 * A value text is matched against: exactly (case-sensitive), or, written {@code /like this/}, as
 * a regular expression over the whole value ({@code .} matches line breaks too). Selectors' text
 * and id and notifications' title and body are written this way. Compiled patterns are cached:
 * matching runs in tight wait loops, and plans repeat the same few values.
 */
public sealed interface TextMatch {

    /** The value as the user wrote it, e.g. {@code /Item \d/}. */
    String written();

    /** Whether {@code actual} matches; a missing (null) value never does. */
    boolean matches(String actual);

    /** The text a user means, for "closest match" hints: an exact value, or a regex without its slashes. */
    String text();

    /** An exact value. */
    record Exact(String written) implements TextMatch {
        @Override
        public boolean matches(String actual) {
            return written.equals(actual);
        }

        @Override
        public String text() {
            return written;
        }
    }

    /** A regular expression, matched over the whole value. */
    record Regex(String written, Pattern pattern) implements TextMatch {
        @Override
        public boolean matches(String actual) {
            return actual != null && pattern.matcher(actual).matches();
        }

        @Override
        public String text() {
            return pattern.pattern();
        }
    }

    /** A regular expression that does not compile; {@link #description()} says why, without the pattern. */
    final class InvalidRegex extends IllegalArgumentException {
        private final String description;

        public InvalidRegex(String message, String description) {
            super(message);
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Whether {@code value} is written as a /regex/. */
    static boolean isRegex(String value) {
        return value != null && value.length() >= 2 && value.startsWith("/") && value.endsWith("/");
    }

    /**
     * The match for a value as written in a plan or command.
     *
     * @throws InvalidRegex "invalid regular expression /…/: why" when a /regex/ does not compile
     */
    static TextMatch of(String written) {
        if (!isRegex(written)) return new Exact(written);
        return RegexCache.get(RegexCache.WRITTEN, written, () -> Pattern.compile(written.substring(1, written.length() - 1), Pattern.DOTALL),
                why -> "invalid regular expression " + written + ": " + why);
    }

    /** The error sentence for a value that is not a usable match, or null when it is fine. */
    static String error(String written) {
        try {
            of(written);
            return null;
        } catch (InvalidRegex e) {
            return e.getMessage();
        }
    }

    /**
     * A bare regular expression (no slashes, Java's default flags) matched over the whole value:
     * an app definition's {@code require} pattern.
     *
     * @throws InvalidRegex "invalid regular expression: why" when it does not compile
     */
    static Regex regex(String source) {
        return RegexCache.get(RegexCache.BARE, source, () -> Pattern.compile(source), why -> "invalid regular expression: " + why);
    }
}
