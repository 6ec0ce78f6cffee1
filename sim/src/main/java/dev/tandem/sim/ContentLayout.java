package dev.tandem.sim;

import dev.tandem.apps.ElementDef;
import dev.tandem.apps.Role;
import dev.tandem.protocol.Bounds;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out an app's current screen: elements stacked top to bottom below the app bar (groups with
 * {@code layout: row} share their width equally), hidden elements taking no space, docked
 * elements pinned at the bottom of the window (above the keyboard when it shows), and the rest
 * scrolled by the screen's offset through the viewport between them.
 */
final class ContentLayout {
    private ContentLayout() {}

    /**
     * @param content the scrolling elements, clipped to the viewport
     * @param dock the docked elements
     */
    record Result(Layer content, Layer dock, int contentHeight, int viewportHeight) {}

    /** The layout as shown: elements entirely outside the viewport are not built (a 200-item list costs 15). */
    static Result layout(AppRuntime rt, Geometry g, boolean keyboard) {
        return layout(rt, g, keyboard, true);
    }

    /** @param cull whether to skip elements outside the viewport; false when looking for one that may be off screen */
    static Result layout(AppRuntime rt, Geometry g, boolean keyboard, boolean cull) {
        List<AppIndex.Node> top = rt.index.screen(rt.top().screen);
        int bottom = g.windowBottom(keyboard);
        int dockHeight = 0;
        int contentHeight = 0;
        for (AppIndex.Node n : top) {
            if (n.def.dock() != null) dockHeight += measure(rt, n);
            else contentHeight += measure(rt, n);
        }
        int dockTop = Math.max(g.contentTop(), bottom - dockHeight);
        int viewportTop = g.contentTop();
        int viewportHeight = Math.max(0, dockTop - viewportTop);
        AppRuntime.Entry entry = rt.top();
        entry.scrollY = Math.max(0, Math.min(entry.scrollY, contentHeight - viewportHeight));

        List<Box> content = new ArrayList<>();
        List<Box> dock = new ArrayList<>();
        int y = viewportTop - entry.scrollY;
        int dy = dockTop;
        int inner = g.width() - 2 * Geometry.PADDING;
        Span span = cull ? new Span(viewportTop, dockTop) : Span.ALL;
        for (AppIndex.Node n : top) {
            if (!rt.state(n.key).visible) continue;
            if (n.def.dock() != null) {
                // docked bars (a tab bar) span the screen; docked fields and buttons keep the margins
                boolean bar = n.def.role().container();
                Box b = bar ? box(rt, n, 0, dy, g.width(), Span.ALL) : box(rt, n, Geometry.PADDING, dy, inner, Span.ALL);
                dock.add(b);
                dy += b.height();
            } else {
                Box b = box(rt, n, Geometry.PADDING, y, inner, span);
                content.add(b);
                y += b.height();
            }
        }
        return new Result(new Layer(content, new Bounds(0, viewportTop, g.width(), viewportHeight)),
                new Layer(dock, new Bounds(0, dockTop, g.width(), bottom - dockTop)), contentHeight, viewportHeight);
    }

    static int measure(AppRuntime rt, AppIndex.Node n) {
        AppRuntime.ElementState s = rt.state(n.key);
        if (!s.visible) return 0;
        ElementDef d = n.def;
        if (!d.role().container()) return d.height();
        int h = 0;
        for (AppIndex.Node c : n.children) h = d.row() ? Math.max(h, measure(rt, c)) : h + measure(rt, c);
        return h + s.items.size() * Geometry.APPENDED_ITEM;
    }

    /** The vertical range worth building boxes for. */
    private record Span(int top, int bottom) {
        static final Span ALL = new Span(Integer.MIN_VALUE, Integer.MAX_VALUE);

        boolean misses(int y, int height) {
            return y + height <= top || y >= bottom;
        }
    }

    private static Box box(AppRuntime rt, AppIndex.Node n, int x, int y, int width, Span span) {
        AppRuntime.ElementState s = rt.state(n.key);
        ElementDef d = n.def;
        Target target = new Target.AppElement(rt.appId(), n.key);
        String text = d.secret() && s.text != null ? "\u2022".repeat(s.text.length()) : s.text;
        if (!d.role().container()) {
            return new Box(d.role().wireName(), d.id(), text, d.hint(), x, y, width, d.height(), s.enabled, s.checked,
                    n.key.equals(rt.focusedKey), List.of(), target);
        }
        List<Box> children = new ArrayList<>();
        int h = 0;
        if (d.row()) {
            List<AppIndex.Node> shown = n.children.stream().filter(c -> rt.state(c.key).visible).toList();
            for (int i = 0; i < shown.size(); i++) {
                int cx = x + i * width / shown.size();
                int cw = x + (i + 1) * width / shown.size() - cx;
                Box b = box(rt, shown.get(i), cx, y, cw, span);
                children.add(b);
                h = Math.max(h, b.height());
            }
        } else {
            for (AppIndex.Node c : n.children) {
                if (!rt.state(c.key).visible) continue;
                int ch = measure(rt, c);
                if (!span.misses(y + h, ch)) children.add(box(rt, c, x, y + h, width, span));
                h += ch;
            }
        }
        for (AppRuntime.Item item : s.items) {
            if (span.misses(y + h, Geometry.APPENDED_ITEM)) {
                h += Geometry.APPENDED_ITEM;
                continue;
            }
            children.add(new Box(Role.LISTITEM.wireName(), item.id(), item.text(), null,
                    x, y + h, width, Geometry.APPENDED_ITEM, true, null, false, List.of(), null));
            h += Geometry.APPENDED_ITEM;
        }
        return new Box(d.role().wireName(), d.id(), text, d.hint(), x, y, width, h, s.enabled, null, false, children, target);
    }
}
