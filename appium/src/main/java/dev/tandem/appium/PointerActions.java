package dev.tandem.appium;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Json;
import java.time.Duration;

/**
 * W3C {@code actions} payloads: one touch pointer for taps and swipes (at absolute viewport
 * points, so no element lookup is needed) and one key source for typing into what has focus.
 */
public final class PointerActions {
    private PointerActions() {}

    public static ObjectNode tap(int x, int y) {
        return touch(seq -> {
            move(seq, x, y, 0);
            seq.addObject().put("type", "pointerDown").put("button", 0);
            seq.addObject().put("type", "pointerUp").put("button", 0);
        });
    }

    public static ObjectNode doubleTap(int x, int y) {
        return touch(seq -> {
            move(seq, x, y, 0);
            for (int i = 0; i < 2; i++) {
                seq.addObject().put("type", "pointerDown").put("button", 0);
                seq.addObject().put("type", "pause").put("duration", 40);
                seq.addObject().put("type", "pointerUp").put("button", 0);
                if (i == 0) seq.addObject().put("type", "pause").put("duration", 80);
            }
        });
    }

    public static ObjectNode longPress(int x, int y, Duration hold) {
        return touch(seq -> {
            move(seq, x, y, 0);
            seq.addObject().put("type", "pointerDown").put("button", 0);
            seq.addObject().put("type", "pause").put("duration", hold.toMillis());
            seq.addObject().put("type", "pointerUp").put("button", 0);
        });
    }

    public static ObjectNode swipe(int x1, int y1, int x2, int y2, Duration duration) {
        return touch(seq -> {
            move(seq, x1, y1, 0);
            seq.addObject().put("type", "pointerDown").put("button", 0);
            seq.addObject().put("type", "pause").put("duration", 50); // a touch-down the driver sees as a drag start
            move(seq, x2, y2, duration.toMillis());
            seq.addObject().put("type", "pointerUp").put("button", 0);
        });
    }

    /** Types {@code text} into the focused element, one keyDown/keyUp per code point. */
    public static ObjectNode keys(String text) {
        ObjectNode root = Json.object();
        ObjectNode source = root.putArray("actions").addObject().put("type", "key").put("id", "keyboard");
        ArrayNode seq = source.putArray("actions");
        text.codePoints().forEach(cp -> {
            String key = new String(Character.toChars(cp));
            seq.addObject().put("type", "keyDown").put("value", key);
            seq.addObject().put("type", "keyUp").put("value", key);
        });
        return root;
    }

    private static ObjectNode touch(java.util.function.Consumer<ArrayNode> steps) {
        ObjectNode root = Json.object();
        ObjectNode source = root.putArray("actions").addObject().put("type", "pointer").put("id", "finger1");
        source.putObject("parameters").put("pointerType", "touch");
        steps.accept(source.putArray("actions"));
        return root;
    }

    private static void move(ArrayNode seq, int x, int y, long durationMs) {
        seq.addObject().put("type", "pointerMove").put("duration", durationMs).put("origin", "viewport").put("x", x).put("y", y);
    }
}
