package dev.tandem.sim;

import dev.tandem.apps.AppDefinition;
import dev.tandem.apps.ChatMessage;
import dev.tandem.apps.Role;
import dev.tandem.device.Direction;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.Notification;
import dev.tandem.device.TapKind;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.TandemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated phone's state and what each input does to it: running apps, the foreground,
 * shade, keyboard, notifications and the transition in progress. Not thread-safe: {@link SimDevice}
 * calls it under its lock and bumps the version after every call.
 */
final class Phone implements ActionRunner.Host {
    static final int MAX_NOTIFICATIONS = 50;
    private static final System.Logger LOG = System.getLogger(Phone.class.getName());

    final SimConfig config;
    final Geometry geometry;
    private final ChatLink chat;
    private final Map<String, AppIndex> indexes = new HashMap<>();
    final Map<String, AppRuntime> running = new LinkedHashMap<>();
    /** Per app and room, the last message delivered; a runner serves many runs, so only recent rooms are kept. */
    private final Map<String, Long> delivered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 256;
        }
    };
    String foreground;
    boolean shade;
    boolean keyboard;
    /** Newest first. */
    final List<Notification> notifications = new ArrayList<>();
    private long notificationSeq;
    volatile Transition transition;
    volatile long version;
    private AppRuntime.ChatContext lastContext;
    /** The installed apps: the device's own, plus those the current run brought ({@code --app}). */
    private dev.tandem.apps.AppCatalog catalog;

    Phone(SimConfig config, ChatLink chat) {
        this.config = config;
        this.geometry = config.geometry();
        this.chat = chat;
        this.catalog = config.catalog();
    }

    dev.tandem.apps.AppCatalog catalog() {
        return catalog;
    }

    AppRuntime foregroundApp() {
        return foreground == null ? null : running.get(foreground);
    }

    boolean keyboardShown(AppRuntime rt) {
        return keyboard && !shade && rt != null && rt.focused() != null;
    }

    // ---- apps

    void launch(LaunchRequest r) {
        // a launch from the daemon carries its run's apps: a new run's first launch drops the previous run's
        if (r.room() != null) catalog = config.catalog().withDefinitions(r.apps(), "--app");
        if (r.appId() == null) {
            throw new TandemException(ErrorCode.BAD_PARAMS, "The sim opens apps by appId; a url ('" + r.url()
                    + "') needs the web platform. Installed apps: " + String.join(", ", catalog.appIds()) + ".");
        }
        AppDefinition def = catalog.get(r.appId());
        List<Layer> before = captureForTransition();
        AppRuntime rt = running.get(def.appId());
        if (rt != null && r.clearState()) {
            kill(rt);
            rt = null;
        }
        boolean alreadyInFront = rt != null && def.appId().equals(foreground) && !shade;
        AppRuntime.ChatContext ctx = context(r, rt);
        boolean fresh = rt == null;
        if (fresh) {
            rt = new AppRuntime(indexes.computeIfAbsent(def.appId(), id -> new AppIndex(def)), ctx);
            running.put(def.appId(), rt);
        } else if (!ctx.equals(rt.chat)) {
            chat.unsubscribe(rt);
            rt.chat = ctx;
        }
        shade = false;
        keyboard = false;
        foreground = def.appId();
        if (fresh) autofocus(rt, true);
        if (def.usesChat() && ctx.url() != null && rt.subscription == null) {
            chat.subscribe(rt, delivered.getOrDefault(deliveredKey(rt), 0L));
        }
        if (!alreadyInFront) startTransition(before, 1);
    }

    /** The launch's chat context, falling back to the app's current one, then to the last one given. */
    private AppRuntime.ChatContext context(LaunchRequest r, AppRuntime rt) {
        AppRuntime.ChatContext base = rt != null ? rt.chat : lastContext;
        String url = r.services().get("chat");
        boolean given = url != null || r.room() != null || r.user() != null;
        if (url == null && base != null) url = base.url();
        String room = r.room() != null ? r.room() : base != null ? base.room() : "default";
        String user = r.user() != null ? r.user() : base != null ? base.user() : config.deviceId();
        AppRuntime.ChatContext ctx = new AppRuntime.ChatContext(url, room, user);
        if (given) lastContext = ctx;
        return ctx;
    }

    void stop(String appId) {
        catalog.get(appId);
        AppRuntime rt = running.get(appId);
        if (rt != null) kill(rt);
    }

    private void kill(AppRuntime rt) {
        rt.alive = false;
        chat.unsubscribe(rt);
        running.remove(rt.appId());
        if (rt.appId().equals(foreground)) {
            foreground = null;
            keyboard = false;
        }
    }

    void stopAll() {
        for (AppRuntime rt : List.copyOf(running.values())) kill(rt);
    }

    // ---- input

    void tap(Target target, TapKind kind) {
        switch (target) {
            case Target.AppElement e -> tapElement(e, kind);
            case Target.LaunchApp l -> launch(new LaunchRequest(l.appId(), null, false, null, null, Map.of()));
            case Target.NavigateUp u -> up();
            case Target.ImeKey k -> ime(k.action());
            case Target.OpenNotification n -> openNotification(n.key());
            case Target.ClearNotifications c -> notifications.clear();
        }
    }

    private void tapElement(Target.AppElement e, TapKind kind) {
        int times = kind == TapKind.DOUBLE_TAP ? 2 : 1;
        for (int i = 0; i < times; i++) {
            AppRuntime rt = foregroundApp();
            if (shade || rt == null || !rt.appId().equals(e.appId())) return; // the screen changed under the finger
            AppIndex.Node n = rt.index.node(e.key());
            if (!n.screen.equals(rt.top().screen) || !rt.visibleChain(n)) return;
            AppRuntime.ElementState s = rt.state(n.key);
            if (!s.enabled) return;
            if (kind == TapKind.LONG_PRESS) {
                if (n.def.role() == Role.TEXTFIELD) focus(rt, n);
                ActionRunner.run(this, rt, n.def.onLongPress(), null);
                return;
            }
            switch (n.def.role()) {
                case TEXTFIELD -> focus(rt, n);
                case CHECKBOX, SWITCH -> s.checked = !Boolean.TRUE.equals(s.checked);
                case TAB -> ActionRunner.select(rt, n.key);
                default -> { }
            }
            ActionRunner.run(this, rt, n.def.onTap(), null);
        }
    }

    void focus(AppRuntime rt, AppIndex.Node n) {
        rt.focusedKey = n.key;
        keyboard = true;
        Scrolling.ensureVisible(rt, n.key, geometry);
    }

    void input(String text) {
        TextInput.type(this, text);
    }

    void clearText() {
        TextInput.clear(this);
    }

    void ime(ImeAction action) {
        TextInput.ime(this, action);
    }

    /** Back: closes the shade, then hides the keyboard, then pops the screen, then goes home. */
    void back() {
        if (shade) {
            shade = false;
            return;
        }
        AppRuntime rt = foregroundApp();
        if (rt == null) return;
        if (keyboardShown(rt)) {
            keyboard = false;
            return;
        }
        up();
    }

    /** Pops the foreground app's back stack, or leaves the app at its root. */
    private void up() {
        AppRuntime rt = foregroundApp();
        if (rt == null) return;
        if (rt.stack.size() <= 1) {
            home();
            return;
        }
        List<Layer> before = captureForTransition();
        rt.stack.removeLast();
        rt.focusedKey = null;
        keyboard = false;
        startTransition(before, -1);
    }

    void home() {
        shade = false;
        keyboard = false;
        if (foreground == null) return;
        List<Layer> before = captureForTransition();
        foreground = null;
        startTransition(before, -1);
    }

    /** Enter on a hardware keyboard: the focused field's IME action, nothing when none is focused. */
    void enter() {
        AppRuntime rt = foregroundApp();
        if (rt != null && !shade && rt.focused() != null) TextInput.ime(this, ImeAction.ENTER);
    }

    void swipe(Direction direction) {
        if (shade) {
            if (direction == Direction.UP) shade = false;
            return;
        }
        AppRuntime rt = foregroundApp();
        if (rt == null || direction == Direction.LEFT || direction == Direction.RIGHT) return;
        Scrolling.swipe(rt, geometry, keyboardShown(rt), direction);
    }

    // ---- notifications

    void openShade() {
        shade = true;
    }

    void post(String appId, String title, String body) {
        notifications.addFirst(new Notification("n" + (++notificationSeq), appId, title, body, System.currentTimeMillis()));
        if (notifications.size() > MAX_NOTIFICATIONS) notifications.removeLast();
    }

    void openNotification(String key) {
        Notification n = notifications.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(() ->
                new TandemException(ErrorCode.NOTIFICATION_NOT_FOUND, "The notification is no longer in the tray (dismissed or tapped already)."));
        notifications.remove(n);
        shade = false;
        launch(new LaunchRequest(n.app(), null, false, null, null, Map.of()));
    }

    void dismiss(String key) {
        notifications.removeIf(x -> x.key().equals(key));
    }

    // ---- chat

    /** A message from the chat service for a running app (called on its subscription thread, under the lock). */
    void deliver(AppRuntime rt, ChatMessage m) {
        if (!rt.alive) return;
        delivered.merge(deliveredKey(rt), m.seq(), Math::max);
        if (m.from().equals(rt.chat.user())) return;
        try {
            ActionRunner.run(this, rt, rt.index.def.onMessage(), m);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, rt.appId() + ": onMessage failed for message " + m.seq(), e);
        }
    }

    /** Each app sees each room's messages once per device, even across restarts. */
    private static String deliveredKey(AppRuntime rt) {
        return rt.appId() + "\u0000" + rt.chat.room() + "\u0000" + rt.chat.url();
    }

    // ---- ActionRunner.Host

    @Override
    public void navigate(AppRuntime rt, String screen) {
        boolean visible = rt == foregroundApp() && !shade;
        List<Layer> before = visible ? captureForTransition() : null;
        rt.stack.add(new AppRuntime.Entry(screen));
        rt.focusedKey = null;
        if (visible) {
            keyboard = false;
            startTransition(before, 1);
        }
        autofocus(rt, visible);
    }

    /** Focuses the screen's {@code focus} field as it opens; the keyboard comes up when the app is in front. */
    private void autofocus(AppRuntime rt, boolean visible) {
        String field = rt.index.def.screen(rt.top().screen).map(s -> s.focus()).orElse(null);
        if (field == null) return;
        if (visible) focus(rt, rt.index.node(field));
        else rt.focusedKey = field;
    }

    @Override
    public void back(AppRuntime rt) {
        if (rt == foregroundApp() && !shade) up();
        else if (rt.stack.size() > 1) rt.stack.removeLast();
    }

    @Override
    public void notify(AppRuntime rt, String title, String body) {
        post(rt.appId(), title, body);
    }

    @Override
    public ChatMessage send(AppRuntime rt, String text) {
        return chat.send(rt, text);
    }

    @Override
    public void listGrew(AppRuntime rt, String listKey) {
        String screen = rt.index.node(listKey).screen;
        for (AppRuntime.Entry e : rt.stack) if (e.screen.equals(screen)) e.scrollY = Integer.MAX_VALUE; // clamped at layout
    }

    // ---- transitions

    /** What is on screen now, when the profile animates transitions; null otherwise. */
    private List<Layer> captureForTransition() {
        if (config.profile().transitionMs() == 0 || shade) return null;
        return FrameBuilder.layers(this);
    }

    private void startTransition(List<Layer> before, int direction) {
        if (before == null) return;
        transition = new Transition(System.nanoTime(), config.profile().transitionMs() * 1_000_000L, direction, before);
    }
}
