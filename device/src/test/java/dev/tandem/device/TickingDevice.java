package dev.tandem.device;

import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Button;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * A screen that never settles: a counter changes every {@link #TICK_NS} (a page's 10 ms ticker),
 * beside the elements {@code content} gives for a tick. Its clock is the real one; waiting for the
 * next tick is how the fake models time passing, as a device would.
 */
final class TickingDevice implements Device {
    static final long TICK_NS = 10_000_000L;
    private final long start = System.nanoTime();
    private final LongFunction<List<UiNode>> content;
    final AtomicInteger snapshots = new AtomicInteger();
    final List<String> taps = new ArrayList<>();
    /** What inputText typed, and whether a field had the focus then (a real backend fails without one). */
    final List<String> typed = new ArrayList<>();

    TickingDevice(LongFunction<List<UiNode>> content) {
        this.content = content;
    }

    /** A text field {@code compose}, focused or not. */
    static UiNode field(boolean focused) {
        return new UiNode(null, "textfield", "compose", "", null, new Bounds(0, 700, 400, 48), true, null, focused, List.of());
    }

    static UiNode button(String text, int x) {
        return new UiNode(null, "button", null, text, null, new Bounds(x, 100, 200, 48), true, null, false, List.of());
    }

    long tick() {
        return (System.nanoTime() - start) / TICK_NS;
    }

    @Override
    public Snapshot snapshot() {
        snapshots.incrementAndGet();
        long t = tick();
        List<UiNode> children = new ArrayList<>(content.apply(t));
        children.add(new UiNode(null, "text", "counter", Long.toString(t), null, new Bounds(0, 0, 100, 20), true, null, false, List.of()));
        UiNode root = new UiNode(null, "screen", null, null, null, new Bounds(0, 0, 400, 800), true, null, false, children);
        return new Snapshot("tick-1", "busy", "busy", 400, 800, 1, root);
    }

    @Override
    public long uiVersion() {
        return tick();
    }

    @Override
    public void awaitUiChange(long sinceVersion, long deadlineNanos) {
        while (tick() == sinceVersion && System.nanoTime() - deadlineNanos < 0) {
            LockSupport.parkNanos(Math.min(1_000_000L, Math.max(1, deadlineNanos - System.nanoTime())));
        }
    }

    @Override
    public boolean isSettled() {
        return false;
    }

    @Override
    public void tap(UiNode element, TapKind kind) {
        taps.add(element.text());
    }

    @Override public void launchApp(LaunchRequest request) {}
    @Override public void stopApp(String appId) {}
    @Override public void inputText(String text) {
        typed.add(text + (content.apply(tick()).stream().anyMatch(UiNode::focused) ? "" : " (no field focused)"));
    }
    @Override public void clearText() {}
    @Override public void imeAction(ImeAction action) {}
    @Override public void pressButton(Button button) {}
    @Override public void swipe(Direction direction, UiNode within) {}
    @Override public List<Notification> notifications() { return List.of(); }
    @Override public void openTray() {}
    @Override public void tapNotification(Notification notification) {}
    @Override public void dismissNotification(Notification notification) {}
    @Override public void clearNotifications() {}
    @Override public byte[] screenshotPng() { return new byte[0]; }
    @Override public List<String> installedApps() { return List.of(); }
}
