package dev.tandem.device;

import java.util.Locale;

/** A swipe's direction: the way the finger moves. Swiping up scrolls content down. */
public enum Direction {
    UP, DOWN, LEFT, RIGHT;

    public static Direction parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("direction must be up, down, left or right, not '" + s + "'");
        }
    }
}
