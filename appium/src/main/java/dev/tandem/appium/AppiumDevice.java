package dev.tandem.appium;

import dev.tandem.device.Device;
import dev.tandem.device.Direction;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.Notification;
import dev.tandem.device.TapKind;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A phone (or the fake driver) behind an Appium session. What is on screen is the page source;
 * nothing notifies Tandem of changes, so the UI version advances when a fetched source differs
 * from the previous one, and waits poll. Taps go to the centre of the element from the snapshot
 * the tool already took: one {@code actions} request, never find-then-click.
 *
 * <p>Skeleton (issue 13): not registered as a backend yet; ports, servers and device sources
 * come with the seams of issue 12.
 */
public final class AppiumDevice implements Device {
    /** How often long waits re-read the page source: each read is a driver round trip (UiAutomator2: ~50-300 ms). */
    static final long POLL_NS = Duration.ofMillis(50).toNanos();
    private static final Duration LONG_PRESS = Duration.ofMillis(800);
    private static final Duration SWIPE = Duration.ofMillis(300);

    private final String deviceId;
    private final MobilePlatform platform;
    private final WebDriverSession session;
    private final Bounds screen;
    private final double density;
    private final Object lock = new Object();
    private String lastSource;
    private Snapshot last;
    private long version;
    private final SourceStability stability;
    private volatile String foregroundApp;

    public AppiumDevice(String deviceId, MobilePlatform platform, WebDriverSession session) {
        this.deviceId = deviceId;
        this.platform = platform;
        this.session = session;
        this.screen = session.windowRect();
        this.density = session.capabilities().path("pixelRatio").asDouble(1.0);
        this.stability = new SourceStability(platform.settle());
    }

    @Override
    public Snapshot snapshot() {
        synchronized (lock) {
            // The read that settled the previous step a moment ago is what is on screen: steps of a
            // plan then cost one source read each, not two.
            if (last != null && stability.fresh()) return last;
        }
        return refresh();
    }

    private Snapshot refresh() {
        long readAt = System.nanoTime();
        String source = session.pageSource(); // outside the lock: observers must not queue behind a slow driver
        synchronized (lock) {
            boolean changed = last == null || !source.equals(lastSource);
            if (changed) {
                UiNode root = PageSourceParser.parse(source, screen.width(), screen.height());
                String screenName = shadeOpen(root) ? "notifications" : foregroundApp;
                last = new Snapshot(deviceId, foregroundApp, screenName, screen.width(), screen.height(), density, root);
                if (lastSource != null) version++;
                lastSource = source;
            }
            stability.read(readAt, changed);
            lock.notifyAll();
            return last;
        }
    }

    private static boolean shadeOpen(UiNode root) {
        return root.flatten().stream().anyMatch(n -> "system:shade".equals(n.id()));
    }

    @Override
    public long uiVersion() {
        synchronized (lock) {
            return version;
        }
    }

    /**
     * Reads the source until it changes, the device settles (a spurious wake-up: callers re-check),
     * or the deadline; reads are spaced by {@link #POLL_NS} except while settling after an action.
     */
    @Override
    public void awaitUiChange(long sinceVersion, long deadlineNanos) throws InterruptedException {
        boolean wasSettled = settledNow();
        while (true) {
            refresh();
            if (uiVersion() != sinceVersion || (!wasSettled && settledNow())) return;
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) return;
            if (!wasSettled && stability.noWindow()) continue; // the next read decides; no reason to wait
            long wait = Math.min(left, wasSettled ? POLL_NS : stability.settlePollNs());
            synchronized (lock) {
                if (version != sinceVersion) return;
                lock.wait(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    /**
     * Settled: the platform's number of reads after Tandem's last action, spanning at least its
     * window, saw the same source. The drivers already wait for the app to idle before they dump the source
     * (UiAutomator2's waitForIdle, XCUITest's quiescence), so the window only has to catch
     * what changes between idles; it is bounded by the shared settle budget.
     */
    @Override
    public boolean isSettled() {
        boolean fresh;
        synchronized (lock) {
            fresh = stability.fresh();
        }
        if (!fresh) refresh(); // a tool's snapshot a moment ago is this check's evidence: no second round trip
        return settledNow();
    }

    private boolean settledNow() {
        synchronized (lock) {
            return stability.settled();
        }
    }

    /** An action may change the screen at any moment after it: only later reads count. */
    private void acted() {
        synchronized (lock) {
            stability.acted();
        }
    }

    @Override
    public void launchApp(LaunchRequest request) {
        if (request.appId() == null) {
            throw MobilePlatform.unsupported("launchApp url", "open a URL in the device's browser app instead");
        }
        if (request.clearState()) {
            switch (platform) {
                case ANDROID -> session.executeMobile("clearApp", Map.of("appId", request.appId()));
                case IOS -> session.executeMobile("clearApp", Map.of("bundleId", request.appId()));
                case FAKE -> throw MobilePlatform.unsupported("launchApp clearState", "the fake driver keeps no app state");
            }
        }
        session.executeMobile("activateApp", Map.of(platform.appIdArg(), request.appId()));
        foregroundApp = request.appId();
        acted();
    }

    @Override
    public void stopApp(String appId) {
        session.executeMobile("terminateApp", Map.of(platform.appIdArg(), appId));
        if (appId.equals(foregroundApp)) foregroundApp = null;
        acted();
    }

    @Override
    public void tap(UiNode element, TapKind kind) {
        Bounds b = element.bounds();
        switch (kind) {
            case TAP -> session.tap(b.centerX(), b.centerY());
            case DOUBLE_TAP -> session.doubleTap(b.centerX(), b.centerY());
            case LONG_PRESS -> session.longPress(b.centerX(), b.centerY(), LONG_PRESS);
        }
        acted();
    }

    @Override
    public void inputText(String text) {
        session.typeKeys(text);
        acted();
    }

    /** W3C's clear needs an element id (a find); deleting the focused field's characters needs none. */
    @Override
    public void clearText() {
        UiNode focused = refresh().elements().stream().filter(UiNode::focused).findFirst()
                .orElseThrow(() -> new TandemException(ErrorCode.ELEMENT_NOT_FOUND, // the contract's code: nothing to clear on screen
                        "clearText needs a focused text field; tap the field first, or give clearText its selector."));
        String text = focused.text() == null ? "" : focused.text();
        if (!text.isEmpty()) session.typeKeys("\uE003".repeat(text.codePointCount(0, text.length()))); // W3C Backspace
        acted();
    }

    @Override
    public void imeAction(dev.tandem.protocol.ImeAction action) {
        switch (platform) {
            case ANDROID -> {
                if (action == dev.tandem.protocol.ImeAction.ENTER) { // the hardware Enter key, not an editor action
                    var enter = platform.button(dev.tandem.protocol.Button.ENTER);
                    session.executeMobile(enter.getKey(), enter.getValue());
                } else {
                    session.executeMobile("performEditorAction", Map.of("action", action.wireName()));
                }
            }
            case IOS -> {
                UiNode key = refresh().elements().stream().filter(n -> "system:ime_action".equals(n.id())).findFirst()
                        .orElseThrow(() -> new TandemException(ErrorCode.ELEMENT_NOT_FOUND,
                                "imeAction needs the keyboard on screen; tap a text field first."));
                session.tap(key.bounds().centerX(), key.bounds().centerY());
            }
            case FAKE -> throw MobilePlatform.unsupported("imeAction", "the fake driver has no keyboard");
        }
        acted();
    }

    @Override
    public void pressButton(dev.tandem.protocol.Button button) {
        var command = platform.button(button);
        session.executeMobile(command.getKey(), command.getValue());
        acted();
    }

    @Override
    public void swipe(Direction direction, UiNode within) {
        Bounds area = within == null ? screen : within.bounds();
        int cx = area.centerX(), cy = area.centerY();
        int dx = area.width() * 3 / 10, dy = area.height() * 3 / 10; // 60% of the area, centred: clear of system edge gestures
        switch (direction) {
            case UP -> session.swipe(cx, cy + dy, cx, cy - dy, SWIPE);
            case DOWN -> session.swipe(cx, cy - dy, cx, cy + dy, SWIPE);
            case LEFT -> session.swipe(cx + dx, cy, cx - dx, cy, SWIPE);
            case RIGHT -> session.swipe(cx - dx, cy, cx + dx, cy, SWIPE);
        }
        acted();
    }

    /** The notifications in the open shade (Android), read from the page source. */
    @Override
    public List<Notification> notifications() {
        List<Notification> out = new ArrayList<>();
        for (UiNode n : refresh().elements()) {
            if (!"notification".equals(n.role())) continue;
            String body = n.children().stream().filter(c -> "system:notification_text".equals(c.id()))
                    .map(UiNode::text).findFirst().orElse(null);
            out.add(new Notification(n.text() + "\n" + body, null, n.text(), body, 0));
        }
        return out;
    }

    @Override
    public void openTray() {
        if (platform != MobilePlatform.ANDROID) {
            throw MobilePlatform.unsupported("systemTray", "only Android's notification shade can be opened and read");
        }
        session.executeMobile("openNotifications", Map.of());
        acted();
    }

    @Override
    public void tapNotification(Notification notification) {
        UiNode n = notificationNode(notification);
        session.tap(n.bounds().centerX(), n.bounds().centerY());
        acted();
    }

    @Override
    public void dismissNotification(Notification notification) {
        Bounds b = notificationNode(notification).bounds();
        session.swipe(b.x() + b.width() / 5, b.centerY(), b.x() + b.width() - 1, b.centerY(), SWIPE);
        acted();
    }

    @Override
    public void clearNotifications() {
        refresh().elements().stream().filter(n -> "button".equals(n.role()) && "Clear all".equalsIgnoreCase(n.text()))
                .findFirst().ifPresent(b -> session.tap(b.bounds().centerX(), b.bounds().centerY()));
        acted();
    }

    private UiNode notificationNode(Notification notification) {
        return refresh().elements().stream()
                .filter(n -> "notification".equals(n.role()) && notification.title().equals(n.text())).findFirst()
                .orElseThrow(() -> new TandemException(ErrorCode.NOTIFICATION_NOT_FOUND,
                        "The notification '" + notification.title() + "' is no longer in the shade."));
    }

    @Override
    public byte[] screenshotPng() {
        return session.screenshotPng();
    }

    @Override
    public List<String> installedApps() {
        return List.of(); // Appium lists no installed apps portably; the driver's error names a missing one
    }

    @Override
    public void close() {
        session.close();
    }
}
