package dev.tandem.web;

import java.util.Optional;

/**
 * The key a person presses on a US keyboard to type a character: its {@code key}, {@code code},
 * Windows virtual key code and whether Shift is held. Characters without a key (accents, emoji,
 * other scripts) have none; they are inserted as an IME would.
 */
record UsKeyboard(String key, String code, int keyCode, boolean shift) {
    private static final String DIGIT_SHIFTED = ")!@#$%^&*(";
    // Punctuation keys: unshifted, shifted, code, virtual key code.
    private static final String[][] PUNCTUATION = {
        {"-", "_", "Minus", "189"}, {"=", "+", "Equal", "187"}, {"[", "{", "BracketLeft", "219"},
        {"]", "}", "BracketRight", "221"}, {"\\", "|", "Backslash", "220"}, {";", ":", "Semicolon", "186"},
        {"'", "\"", "Quote", "222"}, {",", "<", "Comma", "188"}, {".", ">", "Period", "190"},
        {"/", "?", "Slash", "191"}, {"`", "~", "Backquote", "192"},
    };

    /** CDP modifier bit for Shift. */
    static final int SHIFT = 8;

    static Optional<UsKeyboard> of(char c) {
        if (c >= 'a' && c <= 'z') return key(c, "Key" + Character.toUpperCase(c), Character.toUpperCase(c), false);
        if (c >= 'A' && c <= 'Z') return key(c, "Key" + c, c, true);
        if (c >= '0' && c <= '9') return key(c, "Digit" + c, c, false);
        if (c == ' ') return key(c, "Space", 32, false);
        int d = DIGIT_SHIFTED.indexOf(c);
        if (d >= 0) return key(c, "Digit" + d, '0' + d, true);
        for (String[] p : PUNCTUATION) {
            if (p[0].charAt(0) == c) return key(c, p[2], Integer.parseInt(p[3]), false);
            if (p[1].charAt(0) == c) return key(c, p[2], Integer.parseInt(p[3]), true);
        }
        return Optional.empty();
    }

    private static Optional<UsKeyboard> key(char c, String code, int keyCode, boolean shift) {
        return Optional.of(new UsKeyboard(String.valueOf(c), code, keyCode, shift));
    }
}
