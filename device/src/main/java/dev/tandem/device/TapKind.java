package dev.tandem.device;

/** How an element is tapped. */
public enum TapKind {
    TAP, DOUBLE_TAP, LONG_PRESS;

    public static TapKind parse(String action) {
        if (action == null) return TAP;
        return switch (action) {
            case "tap" -> TAP;
            case "doubleTap" -> DOUBLE_TAP;
            case "longPress" -> LONG_PRESS;
            default -> throw new IllegalArgumentException("tapOn action must be tap, doubleTap or longPress, not '" + action + "'");
        };
    }
}
