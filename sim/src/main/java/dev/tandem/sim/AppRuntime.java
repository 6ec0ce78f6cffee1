package dev.tandem.sim;

import dev.tandem.apps.ChatClient;
import dev.tandem.apps.ElementDef;
import dev.tandem.apps.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running app's state: each element's current text, checked and visible flags, appended list
 * items, the back stack with each screen's scroll offset, the focused field, and its chat
 * context. Guarded by the device lock.
 */
final class AppRuntime {
    /** Appended items a list keeps; older ones are dropped, as a chat app pages them out. */
    static final int MAX_ITEMS = 500;
    static final int MAX_TEXT = 10_000;

    static final class ElementState {
        String text;
        Boolean checked;
        boolean visible;
        boolean enabled;
        final List<Item> items = new ArrayList<>();

        ElementState(ElementDef def) {
            this.text = def.text() == null && def.role() == Role.TEXTFIELD ? "" : def.text();
            this.checked = def.checked();
            this.visible = def.visible();
            this.enabled = def.enabled();
        }
    }

    /** A list item added at run time (a chat message). */
    record Item(String id, String from, String text, boolean outgoing) {}

    static final class Entry {
        final String screen;
        int scrollY;

        Entry(String screen) {
            this.screen = screen;
        }
    }

    /**
     * Where the app's chat goes: a room of the chat service, as a user.
     *
     * @param url the chat service's base URL; null when the launch named none (sending then fails clearly)
     */
    record ChatContext(String url, String room, String user) {}

    final AppIndex index;
    private final Map<String, ElementState> states = new HashMap<>();
    final List<Entry> stack = new ArrayList<>();
    String focusedKey;
    ChatContext chat;
    ChatClient.Subscription subscription;
    /** False once stopped: late chat deliveries for it are dropped. */
    boolean alive = true;
    private int itemSeq;

    AppRuntime(AppIndex index, ChatContext chat) {
        this.index = index;
        this.chat = chat;
        stack.add(new Entry(index.def.initialScreen()));
    }

    String appId() {
        return index.def.appId();
    }

    Entry top() {
        return stack.getLast();
    }

    ElementState state(String key) {
        ElementState s = states.get(key);
        if (s == null) {
            AppIndex.Node n = index.node(key);
            if (n == null) throw new IllegalStateException("no element '" + key + "' in " + appId());
            s = new ElementState(n.def);
            states.put(key, s);
        }
        return s;
    }

    /** The focused textfield if it is on the current screen and visible, else null (and focus is dropped). */
    AppIndex.Node focused() {
        if (focusedKey == null) return null;
        AppIndex.Node n = index.node(focusedKey);
        if (n == null || !n.screen.equals(top().screen) || !visibleChain(n)) {
            focusedKey = null;
            return null;
        }
        return n;
    }

    boolean visibleChain(AppIndex.Node n) {
        for (AppIndex.Node p = n; p != null; p = p.parent) if (!state(p.key).visible) return false;
        return true;
    }

    void append(String listKey, String from, String text, boolean outgoing) {
        ElementState s = state(listKey);
        s.items.add(new Item(listKey + "_" + (++itemSeq), from, text, outgoing));
        if (s.items.size() > MAX_ITEMS) s.items.removeFirst();
    }
}
