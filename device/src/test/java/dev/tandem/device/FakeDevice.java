package dev.tandem.device;

import dev.tandem.apps.ChatClient;
import dev.tandem.apps.ChatMessage;
import dev.tandem.device.FakeApps.El;
import dev.tandem.device.FakeApps.Run;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.imageio.ImageIO;

/**
 * A hand-written device: the built-in apps' screens as {@link FakeApps} models them, laid out in
 * a column, with a tray, a keyboard flag and a back stack; instant (always settled). It passes the
 * device contract (FakeDeviceContractTest, a check of the suite itself) and serves the device
 * module's unit tests, which can change it from outside ({@link #edit}) and see its waits
 * ({@link #onAwait}).
 */
final class FakeDevice implements Device {
    static final int WIDTH = 400;
    static final int HEIGHT = 800;
    static final int TOP = 80; // status and app bar
    static final int SCROLL_STEP = HEIGHT * 6 / 10;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Run> running = new LinkedHashMap<>();
    private final List<Notification> tray = new ArrayList<>();
    private final Map<String, String> shadeRefs = new HashMap<>();
    private final Map<String, ChatClient> clients = new HashMap<>();
    private volatile long version;
    private String foreground;
    private boolean shade;
    private boolean keyboard;
    private long seq;
    /** Called (outside the lock) whenever a waiter is about to block: a unit test's cue to change the screen. */
    volatile Runnable onAwait = () -> {};
    /** Every tap the device received, as "kind id". */
    final List<String> taps = new ArrayList<>();
    /** The last launch asked for, as the device received it. */
    volatile LaunchRequest lastLaunch;

    private final FakeApps.Host host = new FakeApps.Host() {
        @Override
        public void navigate(Run r, String screen) {
            r.stack.add(screen);
            r.focused = null;
            r.scroll = 0;
            keyboard = false;
        }

        @Override
        public void back(Run r) {
            up(r);
        }

        @Override
        public void send(Run r, String text) {
            if (r.chatUrl == null) throw new TandemException(ErrorCode.BAD_PARAMS, "no chat service in the launch's services");
            try {
                client(r.chatUrl).send(r.room, r.user, text);
            } catch (IOException e) {
                throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "the chat service did not answer: " + e.getMessage());
            }
        }
    };

    // ---- reading

    @Override
    public Snapshot snapshot() {
        lock.lock();
        try {
            int[] ref = {0};
            shadeRefs.clear();
            Run r = foregroundRun();
            List<UiNode> children = new ArrayList<>();
            if (shade) {
                children.add(shade(ref));
                return new Snapshot("fake", null, "notifications", WIDTH, HEIGHT, 2.0, root(children));
            }
            if (r == null) return new Snapshot("fake", null, "home", WIDTH, HEIGHT, 2.0, root(children));
            children.add(node(ref, "header", "system:title", r.titles.get(r.screen()), null, new Bounds(0, 24, WIDTH, 56), null, false, List.of()));
            int y = TOP - r.scroll;
            for (El e : r.elements()) {
                if (!e.visible) continue;
                int h = height(e);
                Bounds b = new Bounds(16, y, WIDTH - 32, h);
                if (onScreen(b)) children.add(element(ref, r, e, b));
                y += h;
            }
            return new Snapshot("fake", r.appId, r.screen(), WIDTH, HEIGHT, 2.0, root(children));
        } finally {
            lock.unlock();
        }
    }

    private static UiNode root(List<UiNode> children) {
        return new UiNode(null, "screen", null, null, null, new Bounds(0, 0, WIDTH, HEIGHT), true, null, false, children);
    }

    private static boolean onScreen(Bounds b) {
        return b.y() + b.height() > TOP && b.y() < HEIGHT;
    }

    private static int height(El e) {
        if (!e.role.equals("list")) return e.height();
        int h = 0;
        for (El c : e.children) if (c.visible) h += c.height();
        return h;
    }

    private UiNode element(int[] ref, Run r, El e, Bounds b) {
        String myRef = "e" + (++ref[0]);
        List<UiNode> kids = new ArrayList<>();
        int y = b.y();
        for (El c : e.children) {
            if (!c.visible) continue;
            Bounds cb = new Bounds(b.x(), y, b.width(), c.height());
            if (onScreen(cb)) kids.add(element(ref, r, c, cb));
            y += c.height();
        }
        String text = e.secret && e.text != null ? "\u2022".repeat(e.text.length()) : e.text;
        return new UiNode(myRef, e.role, e.id, text, e.hint, clip(b), e.enabled, e.checked, e.id != null && e.id.equals(r.focused), kids);
    }

    private static Bounds clip(Bounds b) {
        int top = Math.max(b.y(), TOP);
        int bottom = Math.min(b.y() + b.height(), HEIGHT);
        return new Bounds(b.x(), top, b.width(), bottom - top);
    }

    private static UiNode node(int[] ref, String role, String id, String text, String hint, Bounds b, Boolean checked, boolean focused, List<UiNode> kids) {
        return new UiNode("e" + (++ref[0]), role, id, text, hint, b, true, checked, focused, kids);
    }

    private UiNode shade(int[] ref) {
        List<UiNode> kids = new ArrayList<>();
        kids.add(node(ref, "header", "system:shade_title", "Notifications", null, new Bounds(16, 0, WIDTH - 32, 56), null, false, List.of()));
        int y = 56;
        for (Notification n : tray) {
            if (y + 96 > HEIGHT - 56) break;
            String nRef = "e" + (++ref[0]);
            UiNode body = node(ref, "text", "system:notification_text", n.body(), null, new Bounds(24, y + 36, WIDTH - 48, 36), null, false, List.of());
            shadeRefs.put(nRef, n.key());
            shadeRefs.put(body.ref(), n.key());
            kids.add(new UiNode(nRef, "notification", "system:notification", n.title(), null, new Bounds(8, y + 4, WIDTH - 16, 88), true, null, false, List.of(body)));
            y += 96;
        }
        if (!tray.isEmpty()) {
            UiNode clear = node(ref, "button", "system:clear_all", "Clear all", null, new Bounds(WIDTH - 128, y + 4, 112, 48), null, false, List.of());
            shadeRefs.put(clear.ref(), "");
            kids.add(clear);
        }
        return new UiNode("e" + (++ref[0]), "group", "system:shade", null, null, new Bounds(0, 0, WIDTH, HEIGHT), true, null, false, kids);
    }

    @Override
    public long uiVersion() {
        return version;
    }

    @Override
    public void awaitUiChange(long sinceVersion, long deadlineNanos) throws InterruptedException {
        if (version != sinceVersion) return;
        onAwait.run();
        lock.lockInterruptibly();
        try {
            while (version == sinceVersion) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) return;
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isSettled() {
        return true;
    }

    @Override
    public List<Notification> notifications() {
        lock.lock();
        try {
            return List.copyOf(tray);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> installedApps() {
        return FakeApps.INSTALLED;
    }

    /** A PNG of the screen's size, one pixel per dp (blank: the fake draws nothing). */
    @Override
    public byte[] screenshotPng() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- acting

    /** Changes an element of a running app from outside (as a page's own script would) and bumps the version. */
    void edit(String appId, String id, java.util.function.Consumer<El> change) {
        mutate(() -> change.accept(running.get(appId).find(id)));
    }

    /** Posts a notification (as an app in the background would). */
    void post(String appId, String title, String body) {
        mutate(() -> tray.addFirst(new Notification("n" + (++seq), appId, title, body, System.currentTimeMillis())));
    }

    @Override
    public void launchApp(LaunchRequest r) {
        lastLaunch = r;
        mutate(() -> {
            if (r.appId() == null) throw new TandemException(ErrorCode.BAD_PARAMS, "the fake device opens apps by appId, not by url");
            if (!FakeApps.INSTALLED.contains(r.appId())) throw notInstalled(r.appId());
            Run run = running.get(r.appId());
            if (run != null && r.clearState()) {
                kill(run);
                run = null;
            }
            shade = false;
            if (run == null) {
                run = FakeApps.start(r.appId());
                run.room = r.room() == null ? "default" : r.room();
                run.user = r.user() == null ? "fake" : r.user();
                run.chatUrl = r.services().get("chat");
                running.put(r.appId(), run);
                keyboard = run.focused != null;
                if (run.appId.equals("com.chat.app") && run.chatUrl != null) subscribe(run);
            }
            foreground = r.appId();
        });
    }

    private static TandemException notInstalled(String appId) {
        return new TandemException(ErrorCode.APP_NOT_INSTALLED, "No app '" + appId + "' is installed. Installed: "
                + String.join(", ", FakeApps.INSTALLED) + ".");
    }

    private void subscribe(Run run) {
        ChatClient c = client(run.chatUrl);
        run.subscription = c.subscribe(run.room, 0, m -> deliver(run, m));
    }

    private void deliver(Run run, ChatMessage m) {
        if (m.from().equals(run.user)) return;
        mutate(() -> {
            if (running.get(run.appId) != run) return;
            FakeApps.append(run, m.text());
            tray.addFirst(new Notification("n" + (++seq), run.appId, m.from(), m.text(), System.currentTimeMillis()));
        });
    }

    private ChatClient client(String url) {
        return clients.computeIfAbsent(url, ChatClient::new);
    }

    private void kill(Run run) {
        running.remove(run.appId);
        if (run.subscription != null) {
            try {
                run.subscription.close();
            } catch (Exception e) {
                // the subscription's thread ends on its own
            }
        }
        if (run.appId.equals(foreground)) {
            foreground = null;
            keyboard = false;
        }
    }

    @Override
    public void stopApp(String appId) {
        if (appId == null) throw new TandemException(ErrorCode.BAD_PARAMS, "stopApp needs 'appId'");
        mutate(() -> {
            if (!FakeApps.INSTALLED.contains(appId)) throw notInstalled(appId);
            Run run = running.get(appId);
            if (run != null) kill(run);
        });
    }

    @Override
    public void tap(UiNode element, TapKind kind) {
        mutate(() -> {
            taps.add(kind + " " + (element.id() != null ? element.id() : element.text()));
            if (shade) {
                String key = element.ref() == null ? null : shadeRefs.get(element.ref());
                if (key == null) return;
                if (key.isEmpty()) tray.clear();
                else openNotification(key);
                return;
            }
            Run r = foregroundRun();
            if (r == null || element.id() == null) return;
            El e = r.find(element.id());
            if (e == null || !onScreenNow(r, e.id) || !e.enabled) return;
            for (int i = 0; i < (kind == TapKind.DOUBLE_TAP ? 2 : 1); i++) {
                if (foregroundRun() != r) return; // the screen changed under the finger
                if (e.role.equals("textfield")) {
                    r.focused = e.id;
                    keyboard = true;
                }
                if (kind == TapKind.LONG_PRESS) return; // focuses a field, runs no tap action
                if (e.checked != null) e.checked = !e.checked;
                FakeApps.onTap(host, r, e);
            }
        });
    }

    /** Whether the element is on screen in the current layout (a finger cannot hit what is scrolled away). */
    private boolean onScreenNow(Run r, String id) {
        int y = TOP - r.scroll;
        for (El e : r.elements()) {
            if (!e.visible) continue;
            if (id.equals(e.id)) return onScreen(new Bounds(0, y, WIDTH, height(e)));
            int cy = y;
            for (El c : e.children) {
                if (!c.visible) continue;
                if (id.equals(c.id)) return onScreen(new Bounds(0, cy, WIDTH, c.height()));
                cy += c.height();
            }
            y += height(e);
        }
        return false;
    }

    @Override
    public void inputText(String text) {
        mutate(() -> {
            El f = focusedOrFail("inputText types into");
            f.text = f.text == null ? text : f.text + text;
        });
    }

    @Override
    public void clearText() {
        mutate(() -> focusedOrFail("clearText empties").text = "");
    }

    @Override
    public void imeAction(dev.tandem.protocol.ImeAction action) {
        mutate(() -> ime(action.wireName()));
    }

    private void ime(String action) {
        El f = focusedOrFail("imeAction " + action + " acts on");
        if (!action.equals("enter") && !action.equals(f.ime)) {
            throw new TandemException(ErrorCode.BAD_PARAMS, "The focused field #" + f.id + " has the keyboard action '" + f.ime
                    + "', not '" + action + "': use imeAction " + f.ime + " (or pressButton enter).");
        }
        Run r = foregroundRun();
        if (FakeApps.onIme(host, r, f)) return;
        if (f.ime.equals("next")) {
            List<El> fields = r.elements().stream().filter(e -> e.visible && e.role.equals("textfield")).toList();
            int i = fields.indexOf(f);
            if (i + 1 < fields.size()) {
                r.focused = fields.get(i + 1).id;
                return;
            }
        }
        keyboard = false;
    }

    private El focusedOrFail(String what) {
        Run r = foregroundRun();
        if (r != null && !shade && r.focused != null) return r.find(r.focused);
        throw new TandemException(ErrorCode.ELEMENT_NOT_FOUND, what + " the focused text field, and none is focused: tap a text field first"
                + " or give the step a selector.");
    }

    @Override
    public void pressButton(dev.tandem.protocol.Button button) {
        mutate(() -> {
            switch (button) {
                case BACK -> back();
                case HOME -> {
                    shade = false;
                    keyboard = false;
                    foreground = null;
                }
                case ENTER -> {
                    Run r = foregroundRun();
                    if (r != null && !shade && r.focused != null) ime("enter");
                }
            }
        });
    }

    /** Back: closes the shade, else hides the keyboard (the field keeps the focus), else pops the screen, else goes home. */
    private void back() {
        if (shade) {
            shade = false;
            return;
        }
        Run r = foregroundRun();
        if (r == null) return;
        if (keyboard && r.focused != null) {
            keyboard = false;
            return;
        }
        up(r);
    }

    private void up(Run r) {
        if (r.stack.size() > 1) {
            r.stack.removeLast();
            r.focused = null;
            r.scroll = 0;
            keyboard = false;
        } else if (r.appId.equals(foreground)) {
            foreground = null;
            keyboard = false;
        }
    }

    @Override
    public void swipe(Direction direction, UiNode within) {
        mutate(() -> {
            if (shade) {
                if (direction == Direction.UP) shade = false;
                return;
            }
            Run r = foregroundRun();
            if (r == null || direction == Direction.LEFT || direction == Direction.RIGHT) return;
            int content = 0;
            for (El e : r.elements()) if (e.visible) content += height(e);
            int max = Math.max(0, TOP + content - HEIGHT);
            int step = direction == Direction.UP ? SCROLL_STEP : -SCROLL_STEP;
            r.scroll = Math.clamp(r.scroll + step, 0, max);
        });
    }

    @Override
    public void openTray() {
        mutate(() -> shade = true);
    }

    @Override
    public void tapNotification(Notification n) {
        mutate(() -> openNotification(n.key()));
    }

    private void openNotification(String key) {
        Notification n = tray.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(() ->
                new TandemException(ErrorCode.NOTIFICATION_NOT_FOUND, "The notification is no longer in the tray."));
        tray.remove(n);
        shade = false;
        if (running.containsKey(n.app())) foreground = n.app();
    }

    @Override
    public void dismissNotification(Notification n) {
        mutate(() -> tray.removeIf(x -> x.key().equals(n.key())));
    }

    @Override
    public void clearNotifications() {
        mutate(tray::clear);
    }

    @Override
    public void close() {
        mutate(() -> List.copyOf(running.values()).forEach(this::kill));
        clients.values().forEach(ChatClient::close);
    }

    private Run foregroundRun() {
        return foreground == null ? null : running.get(foreground);
    }

    /** Runs a change under the lock; the version moves and waiters wake, even when it fails. */
    private void mutate(Runnable op) {
        lock.lock();
        try {
            op.run();
        } finally {
            version++;
            changed.signalAll();
            lock.unlock();
        }
    }
}
