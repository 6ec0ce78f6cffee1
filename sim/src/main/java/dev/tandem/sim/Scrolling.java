package dev.tandem.sim;

import dev.tandem.apps.Role;
import dev.tandem.device.Direction;
import dev.tandem.protocol.Bounds;
import java.util.List;

/** Scrolling the foreground screen: swipes, and bringing a focused field into view. */
final class Scrolling {
    /** A swipe moves the content by this share of the viewport's height. */
    static final double SWIPE_SHARE = 0.6;

    private Scrolling() {}

    /** The finger moves {@code direction}: up scrolls the content down (towards its end). */
    static void swipe(AppRuntime rt, Geometry g, boolean keyboard, Direction direction) {
        ContentLayout.Result r = ContentLayout.layout(rt, g, keyboard);
        int delta = Math.max(1, (int) (r.viewportHeight() * SWIPE_SHARE));
        AppRuntime.Entry e = rt.top();
        e.scrollY = clamp(e.scrollY + (direction == Direction.UP ? delta : -delta), r);
    }

    /** Scrolls the least needed to show the element whole (as a phone does for a focused field). */
    static void ensureVisible(AppRuntime rt, String key, Geometry g) {
        ContentLayout.Result r = ContentLayout.layout(rt, g, true, false);
        Box b = find(r.content().boxes(), key);
        if (b == null) return;
        Bounds vp = r.content().clip();
        AppRuntime.Entry e = rt.top();
        if (b.y() < vp.y()) e.scrollY -= vp.y() - b.y();
        else if (b.y() + b.height() > vp.y() + vp.height()) e.scrollY += b.y() + b.height() - (vp.y() + vp.height());
        e.scrollY = clamp(e.scrollY, r);
    }

    private static int clamp(int scrollY, ContentLayout.Result r) {
        return Math.max(0, Math.min(scrollY, r.contentHeight() - r.viewportHeight()));
    }

    private static Box find(List<Box> boxes, String key) {
        for (Box b : boxes) {
            if (b.target() instanceof Target.AppElement e && e.key().equals(key)) return b;
            Box inner = find(b.children(), key);
            if (inner != null) return inner;
        }
        return null;
    }

    /** The visible, enabled text fields among the nodes, in document order. */
    static void collectTextfields(AppRuntime rt, List<AppIndex.Node> nodes, List<AppIndex.Node> out) {
        for (AppIndex.Node n : nodes) {
            AppRuntime.ElementState s = rt.state(n.key);
            if (!s.visible) continue;
            if (n.def.role() == Role.TEXTFIELD && s.enabled) out.add(n);
            collectTextfields(rt, n.children, out);
        }
    }
}
