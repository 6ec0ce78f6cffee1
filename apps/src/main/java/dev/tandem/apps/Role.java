package dev.tandem.apps;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The element roles an app definition may use: the one table of what each role is (its default
 * height in dp, whether it holds children, whether it carries a checked state).
 */
public enum Role {
    TEXT(32, false, false),
    HEADER(56, false, false),
    BUTTON(48, false, false),
    TEXTFIELD(56, false, false),
    CHECKBOX(48, false, true),
    SWITCH(48, false, true),
    TAB(48, false, true),
    IMAGE(120, false, false),
    LISTITEM(56, false, false),
    LIST(0, true, false),
    GROUP(0, true, false);

    private final int defaultHeight;
    private final boolean container;
    private final boolean checkable;

    Role(int defaultHeight, boolean container, boolean checkable) {
        this.defaultHeight = defaultHeight;
        this.container = container;
        this.checkable = checkable;
    }

    /** The name used in definitions and in the UI tree, e.g. {@code textfield}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Height in dp when the definition gives none; 0 for containers, whose height is their children's. */
    public int defaultHeight() {
        return defaultHeight;
    }

    /** Whether the role holds {@code children} (and takes a {@code layout}). */
    public boolean container() {
        return container;
    }

    /** Whether the role has a checked state (checkbox, switch, tab). */
    public boolean checkable() {
        return checkable;
    }

    public static Optional<Role> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Role::wireName).toList();
    }
}
