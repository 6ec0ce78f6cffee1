package dev.tandem.web;

import static dev.tandem.web.PageSession.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.device.Direction;
import dev.tandem.device.TapKind;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Real input through the Input domain: touch taps on touch profiles (touchstart, pointerdown with
 * pointerType touch, touchend, then the click Chromium derives from the tap), mouse events
 * otherwise; keys; and swipes as touch drags or wheel scrolls. Each gesture's events are
 * pipelined, so it costs one round trip; the page's handlers have run when the method returns.
 */
final class InputDriver {
    /** How long a long press holds (Android's long-press timeout is 400-500 ms). */
    static final long LONG_PRESS_MS = 650;
    /** A swipe moves the content by this share of the area's size, as on the sim. */
    static final double SWIPE_SHARE = 0.6;
    private static final int DRAG_STEPS = 8;
    private static final double STEP_SECONDS = 0.016;
    private static final double REST_SECONDS = 0.06;
    private static final double TAP_SECONDS = 0.05;
    /** CDP modifier bit for Control. */
    private static final int CTRL = 2;
    /** How long a touch tap may take to reach the page and end (its click may come 350 ms after it). */
    static final long TAP_WAIT_MS = 2_000;

    private final boolean touch;
    private final WebSignals signals;
    /** Touch timestamps (seconds) must never go back, or Chromium drops the events: one clock per device. */
    private double lastStamp;

    InputDriver(boolean touch, WebSignals signals) {
        this.touch = touch;
        this.signals = signals;
    }

    /**
     * The start timestamp of a gesture lasting {@code seconds}, dated so that it ends about now:
     * Chromium holds back input stamped in the future, and only the intervals matter to it.
     */
    private synchronized double clock(double seconds) {
        double start = Math.max(System.currentTimeMillis() / 1000.0 - seconds, lastStamp + 0.001);
        lastStamp = start + seconds;
        return start;
    }

    void tap(PageSession page, double x, double y, TapKind kind) {
        switch (kind) {
            case TAP -> {
                if (touch) touchTap(page, x, y);
                else await(page, click(page, x, y, 1));
            }
            case DOUBLE_TAP -> {
                List<CompletableFuture<JsonNode>> all = new ArrayList<>();
                if (touch) {
                    all.addAll(dispatchedTouchTap(page, x, y));
                    all.addAll(dispatchedTouchTap(page, x, y));
                } else {
                    all.addAll(click(page, x, y, 1));
                    all.addAll(click(page, x, y, 2));
                }
                await(page, all);
            }
            case LONG_PRESS -> longPress(page, x, y);
        }
    }

    /**
     * A touch tap through Chromium's touch emulator, as DevTools' device mode makes one: a mouse
     * press that the emulator turns into touch events and runs through its tap detection (mobile
     * settings), so the page sees touchstart, pointerdown (touch), touchend and the click, as from
     * Input.dispatchTouchEvent. That command holds each event until the renderer has drawn its next
     * frame (a whole 16.7 ms frame for a tap right after another); these go in at once. Chromium
     * never acknowledges them, so the page agent tells when the tap has arrived and is over. A point
     * off the page or on a frame or plugin (another document, which the agent does not see) gets
     * dispatchTouchEvent instead.
     */
    private void touchTap(PageSession page, double x, double y) {
        JsonNode armed = signals.agent(page, "__tandem.armTap(" + x + "," + y + ")");
        if (!armed.isArray()) {
            await(page, dispatchedTouchTap(page, x, y));
            return;
        }
        int seen = armed.path(0).asInt();
        if (armed.path(1).asBoolean()) {
            // A zoomable page: the emulator would hold the click 300 ms for a second tap (a phone's
            // browser does too); dispatched touches, as Playwright's tap sends them, are not held.
            CompletableFuture<JsonNode> over = tappedAsync(page, seen);
            await(page, dispatchedTouchTap(page, x, y));
            signals.agentResult(page, over, TAP_WAIT_MS + CdpClient.DEFAULT_TIMEOUT_MS);
            return;
        }
        clock(0); // touch streams stamped later (swipes) come after this tap
        // Again each time: dispatchTouchEvent (swipes, double taps) switches the emulator to injected touches.
        CompletableFuture<JsonNode> emulate = page.sendAsync("Emulation.setEmitTouchEventsForMouse",
                obj("enabled", true, "configuration", "mobile"));
        // No timestamps (Chromium stamps them on arrival): stamped by our clock, back-to-back taps
        // had their clicks held back ~250 ms.
        page.post("Input.dispatchMouseEvent", mouse("mousePressed", x, y, 1));
        page.post("Input.dispatchMouseEvent", mouse("mouseReleased", x, y, 1));
        CompletableFuture<JsonNode> over = tappedAsync(page, seen);
        page.await(emulate, "touch emulation");
        // False (not there in time): settling still follows the page; null: the tap navigated.
        signals.agentResult(page, over, TAP_WAIT_MS + CdpClient.DEFAULT_TIMEOUT_MS);
    }

    /** Resolves once the touch after the {@code seen} ones has arrived and its tap is over (its click came). */
    private CompletableFuture<JsonNode> tappedAsync(PageSession page, int seen) {
        return signals.agentAsync(page, "__tandem.tapped(" + (seen + 1) + "," + TAP_WAIT_MS + ")");
    }

    /** A tap through Input.dispatchTouchEvent: acknowledged once the page has handled it, a frame later. */
    private List<CompletableFuture<JsonNode>> dispatchedTouchTap(PageSession page, double x, double y) {
        double t = clock(TAP_SECONDS);
        return List.of(
                page.sendAsync("Input.dispatchTouchEvent", obj("type", "touchStart", "touchPoints", points(x, y), "timestamp", t)),
                page.sendAsync("Input.dispatchTouchEvent", obj("type", "touchEnd", "touchPoints", Json.MAPPER.createArrayNode(),
                        "timestamp", t + TAP_SECONDS)));
    }

    private List<CompletableFuture<JsonNode>> click(PageSession page, double x, double y, int count) {
        return List.of(
                page.sendAsync("Input.dispatchMouseEvent", obj("type", "mouseMoved", "x", x, "y", y)),
                page.sendAsync("Input.dispatchMouseEvent", mouse("mousePressed", x, y, count)),
                page.sendAsync("Input.dispatchMouseEvent", mouse("mouseReleased", x, y, count)));
    }

    /** Finger (or button) down, held, then up: the page sees a long press / contextmenu on touch. */
    private void longPress(PageSession page, double x, double y) {
        if (touch) {
            // The gesture pipeline's own long press: touchstart, the long-press gesture (contextmenu), touchend.
            clock(LONG_PRESS_MS / 1000.0);
            page.send("Input.synthesizeTapGesture", obj("x", x, "y", y, "duration", (int) LONG_PRESS_MS, "tapCount", 1,
                    "gestureSourceType", "touch"), LONG_PRESS_MS + CdpClient.DEFAULT_TIMEOUT_MS);
            return;
        }
        await(page, List.of(page.sendAsync("Input.dispatchMouseEvent", obj("type", "mouseMoved", "x", x, "y", y)),
                page.sendAsync("Input.dispatchMouseEvent", mouse("mousePressed", x, y, 1))));
        hold(LONG_PRESS_MS); // the press itself is the gesture: this is its duration, not a wait for the UI
        await(page, List.of(page.sendAsync("Input.dispatchMouseEvent", mouse("mouseReleased", x, y, 1))));
    }

    /**
     * Swipes across {@code area} (the finger's direction): a touch drag on touch profiles, ending
     * with the finger at rest so there is no fling; a wheel scroll under the area's center otherwise.
     */
    void swipe(PageSession page, Direction dir, Bounds area) {
        double cx = area.x() + area.width() / 2.0;
        double cy = area.y() + area.height() / 2.0;
        double dx = switch (dir) {
            case LEFT -> -area.width() * SWIPE_SHARE;
            case RIGHT -> area.width() * SWIPE_SHARE;
            default -> 0;
        };
        double dy = switch (dir) {
            case UP -> -area.height() * SWIPE_SHARE;
            case DOWN -> area.height() * SWIPE_SHARE;
            default -> 0;
        };
        if (!touch) {
            // The finger moving up scrolls the content down: wheel deltas point the content's way.
            await(page, List.of(page.sendAsync("Input.dispatchMouseEvent", obj("type", "mouseMoved", "x", cx, "y", cy)),
                    page.sendAsync("Input.dispatchMouseEvent", obj("type", "mouseWheel", "x", cx, "y", cy, "deltaX", -dx, "deltaY", -dy))));
            return;
        }
        double x0 = cx - dx / 2, y0 = cy - dy / 2;
        double t0 = clock(DRAG_STEPS * STEP_SECONDS + REST_SECONDS + 0.04);
        List<CompletableFuture<JsonNode>> all = new ArrayList<>();
        all.add(page.sendAsync("Input.dispatchTouchEvent", obj("type", "touchStart", "touchPoints", points(x0, y0), "timestamp", t0)));
        for (int i = 1; i <= DRAG_STEPS; i++) {
            double f = (double) i / DRAG_STEPS;
            all.add(page.sendAsync("Input.dispatchTouchEvent", obj("type", "touchMove", "touchPoints",
                    points(x0 + dx * f, y0 + dy * f), "timestamp", t0 + i * STEP_SECONDS)));
        }
        // Then the finger rests: a pause longer than the velocity tracker's 40 ms "stopped" horizon
        // clears its history, and two tiny moves after it give a near-zero velocity (a move to the
        // same spot would be dropped). No fling: the content stops where the finger did.
        double ux = dx == 0 ? 0 : Math.signum(dx), uy = dy == 0 ? 0 : Math.signum(dy);
        double t1 = t0 + DRAG_STEPS * STEP_SECONDS + REST_SECONDS;
        all.add(page.sendAsync("Input.dispatchTouchEvent", obj("type", "touchMove", "touchPoints",
                points(x0 + dx + ux, y0 + dy + uy), "timestamp", t1)));
        all.add(page.sendAsync("Input.dispatchTouchEvent", obj("type", "touchMove", "touchPoints",
                points(x0 + dx + 1.25 * ux, y0 + dy + 1.25 * uy), "timestamp", t1 + 0.03)));
        all.add(page.sendAsync("Input.dispatchTouchEvent", obj("type", "touchEnd", "touchPoints", Json.MAPPER.createArrayNode(),
                "timestamp", t1 + 0.035)));
        await(page, all);
    }

    /** Enter: keydown/keypress/keyup, so forms submit implicitly; {@code withText} false sends no keypress. */
    void enter(PageSession page, boolean withText) {
        await(page, enterEvents(page, withText));
    }

    private static List<CompletableFuture<JsonNode>> enterEvents(PageSession page, boolean withText) {
        ObjectNode down = obj("type", withText ? "keyDown" : "rawKeyDown", "key", "Enter", "code", "Enter",
                "windowsVirtualKeyCode", 13, "nativeVirtualKeyCode", 13);
        if (withText) {
            down.put("text", "\r");
            down.put("unmodifiedText", "\r");
        }
        ObjectNode up = obj("type", "keyUp", "key", "Enter", "code", "Enter", "windowsVirtualKeyCode", 13, "nativeVirtualKeyCode", 13);
        return List.of(page.sendAsync("Input.dispatchKeyEvent", down), page.sendAsync("Input.dispatchKeyEvent", up));
    }

    /** Where typing starts in the focused field. */
    enum Start {
        /** After the last character (Ctrl+End), wherever a tap put the caret. */
        END,
        /** In the first part of a segmented field (a date's month…), reached with the left arrow. */
        FIRST_PART
    }

    /** More left-arrow presses than any segmented field has parts (datetime-local: 6). */
    private static final int SEGMENTS_MAX = 8;

    /**
     * Types as a person does: a key press (keydown with its text, keyup) per character that has a
     * key on a US keyboard, so date, time and number fields and the page's key handlers see real
     * keystrokes; other characters are committed as an IME would; a newline is Enter. Pipelined.
     */
    void type(PageSession page, String text, Start start) {
        List<CompletableFuture<JsonNode>> all = new ArrayList<>();
        switch (start) {
            case END -> press(page, all, "End", "End", 35, CTRL);
            case FIRST_PART -> {
                for (int i = 0; i < SEGMENTS_MAX; i++) press(page, all, "ArrowLeft", "ArrowLeft", 37, 0);
            }
        }
        StringBuilder ime = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            var key = UsKeyboard.of(c);
            if (key.isEmpty() && c != '\n' && c != '\r') {
                ime.append(c);
                continue;
            }
            if (!ime.isEmpty()) {
                all.add(page.sendAsync("Input.insertText", obj("text", ime.toString())));
                ime.setLength(0);
            }
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') continue; // CRLF is one Enter
            if (key.isEmpty()) {
                all.addAll(enterEvents(page, true));
                continue;
            }
            UsKeyboard k = key.get();
            int modifiers = k.shift() ? UsKeyboard.SHIFT : 0;
            all.add(page.sendAsync("Input.dispatchKeyEvent", obj("type", "keyDown", "key", k.key(), "code", k.code(),
                    "text", k.key(), "unmodifiedText", k.key(), "windowsVirtualKeyCode", k.keyCode(),
                    "nativeVirtualKeyCode", k.keyCode(), "modifiers", modifiers)));
            all.add(page.sendAsync("Input.dispatchKeyEvent", obj("type", "keyUp", "key", k.key(), "code", k.code(),
                    "windowsVirtualKeyCode", k.keyCode(), "nativeVirtualKeyCode", k.keyCode(), "modifiers", modifiers)));
        }
        if (!ime.isEmpty()) all.add(page.sendAsync("Input.insertText", obj("text", ime.toString())));
        await(page, all);
    }

    /** A key without text (navigation): rawKeyDown, keyUp. */
    private static void press(PageSession page, List<CompletableFuture<JsonNode>> all, String key, String code, int keyCode,
            int modifiers) {
        all.add(page.sendAsync("Input.dispatchKeyEvent", obj("type", "rawKeyDown", "key", key, "code", code,
                "windowsVirtualKeyCode", keyCode, "nativeVirtualKeyCode", keyCode, "modifiers", modifiers)));
        all.add(page.sendAsync("Input.dispatchKeyEvent", obj("type", "keyUp", "key", key, "code", code,
                "windowsVirtualKeyCode", keyCode, "nativeVirtualKeyCode", keyCode, "modifiers", modifiers)));
    }

    private static ArrayNode points(double x, double y) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        a.add(obj("x", x, "y", y, "radiusX", 4.0, "radiusY", 4.0, "force", 1.0, "id", 0));
        return a;
    }

    private static ObjectNode mouse(String type, double x, double y, int count) {
        return obj("type", type, "x", x, "y", y, "button", "left", "buttons", type.equals("mousePressed") ? 1 : 0, "clickCount", count);
    }

    private static void await(PageSession page, List<CompletableFuture<JsonNode>> all) {
        for (CompletableFuture<JsonNode> f : all) page.await(f, "input");
    }

    private static void hold(long ms) {
        long end = System.nanoTime() + ms * 1_000_000L;
        for (long left; (left = end - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted(); ) {
            LockSupport.parkNanos(left);
        }
    }
}
