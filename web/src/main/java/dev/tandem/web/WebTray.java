package dev.tandem.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.Notification;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.UiNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web device's system tray: what pages posted through the Notification shim, newest first.
 * A browser has no notification shade, so "open" shows a synthetic one in the snapshot, shaped
 * like the sim's (ids {@code system:…}), and taps on it are handled here rather than by the page.
 */
final class WebTray {
    static final int MAX = 50;

    /**
     * One posted notification and where it came from: {@code doc} is "documentToken/id" (to click it
     * in its own document), {@code tag} its app and Notification tag ("" when untagged).
     */
    record Entry(Notification notification, String doc, String tag, long pageId, String url) {}

    /** What a tap on a shade node does. */
    sealed interface ShadeTap {
        record Open(Entry entry) implements ShadeTap {}

        record ClearAll() implements ShadeTap {}

        record Nothing() implements ShadeTap {}
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, ShadeTap> shadeRefs = new HashMap<>();
    private long seq;
    private boolean open;

    /** A post or close from the agent ({@code {op, id, doc, title, body, tag, url}}). */
    synchronized void onMessage(JsonNode m, String app, long pageId) {
        String doc = m.path("doc").asText();
        String key = doc + "/" + m.path("id").asText();
        switch (m.path("op").asText()) {
            case "post" -> {
                String tag = m.path("tag").asText("");
                String scoped = tag.isEmpty() ? "" : app + "\u0000" + tag;
                if (!tag.isEmpty()) entries.removeIf(e -> e.tag.equals(scoped)); // same tag replaces, as in browsers
                Notification n = new Notification("n" + (++seq), app, m.path("title").asText(""), m.path("body").asText(""),
                        System.currentTimeMillis());
                entries.addFirst(new Entry(n, key, scoped, pageId, m.path("url").asText(null)));
                if (entries.size() > MAX) entries.removeLast();
            }
            case "close" -> entries.removeIf(e -> e.doc.equals(key));
            default -> { }
        }
    }

    synchronized List<Notification> list() {
        return entries.stream().map(Entry::notification).toList();
    }

    /** Removes and returns the entry for a notification (tapped or dismissed). */
    synchronized Optional<Entry> take(Notification n) {
        for (Entry e : entries) {
            if (e.notification().key().equals(n.key())) {
                entries.remove(e);
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized boolean isOpen() {
        return open;
    }

    synchronized void setOpen(boolean open) {
        this.open = open;
        if (!open) shadeRefs.clear();
    }

    /** The shade as UI nodes (the sim's shape: header, one node per notification, "Clear all"). */
    synchronized List<UiNode> shade(int width, int height) {
        shadeRefs.clear();
        int[] ref = {0};
        List<UiNode> children = new ArrayList<>();
        int pad = 16;
        int y = 0;
        int w = width - 2 * pad;
        children.add(leaf(ref, "header", "system:shade_title", "Notifications", new Bounds(pad, y, w, 56), new ShadeTap.Nothing()));
        y += 56;
        if (entries.isEmpty()) {
            children.add(leaf(ref, "text", "system:shade_empty", "No notifications", new Bounds(pad, y, w, 48), new ShadeTap.Nothing()));
        }
        for (Entry e : entries) {
            if (y + 96 > height - 56) break; // below the fold
            ShadeTap open = new ShadeTap.Open(e);
            String nRef = "e" + (++ref[0]);
            shadeRefs.put(nRef, open);
            UiNode body = leaf(ref, "text", "system:notification_text", e.notification().body(), new Bounds(pad + 8, y + 36, w - 16, 36), open);
            children.add(new UiNode(nRef, "notification", "system:notification", e.notification().title(), null,
                    new Bounds(pad / 2, y + 4, width - pad, 88), true, null, false, List.of(body)));
            y += 96;
        }
        if (!entries.isEmpty()) {
            children.add(leaf(ref, "button", "system:clear_all", "Clear all", new Bounds(width - 128, y + 4, 112, 48), new ShadeTap.ClearAll()));
        }
        String groupRef = "e" + (++ref[0]);
        shadeRefs.put(groupRef, new ShadeTap.Nothing());
        return List.of(new UiNode(groupRef, "group", "system:shade", null, null, new Bounds(0, 0, width, height), true, null, false, children));
    }

    private UiNode leaf(int[] ref, String role, String id, String text, Bounds b, ShadeTap tap) {
        String r = "e" + (++ref[0]);
        shadeRefs.put(r, tap);
        return new UiNode(r, role, id, text, null, b, true, null, false, List.of());
    }

    /** What tapping a node of the last shade snapshot does; Nothing for anything else. */
    synchronized ShadeTap tapOnShade(UiNode node) {
        ShadeTap t = node.ref() == null || node.id() == null || !node.id().startsWith("system:") ? null : shadeRefs.get(node.ref());
        return t == null ? new ShadeTap.Nothing() : t;
    }
}
