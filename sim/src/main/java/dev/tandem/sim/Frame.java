package dev.tandem.sim;

import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the screen shows at one instant: the snapshot, and for each ref ({@code e1} is index 0)
 * its node and what tapping it does. Built from the model under the device lock; immutable.
 */
record Frame(long version, Snapshot snapshot, List<UiNode> byRef, List<Target> targets) {

    /** The node a ref names now, or -1. */
    int indexOf(String ref) {
        if (ref == null || ref.length() < 2 || ref.charAt(0) != 'e') return -1;
        try {
            int i = Integer.parseInt(ref, 1, ref.length(), 10) - 1;
            return i >= 0 && i < byRef.size() ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The topmost reacting element under a point (later in document order is drawn on top). */
    Target hit(int x, int y) {
        for (int i = byRef.size() - 1; i >= 0; i--) {
            if (targets.get(i) != null && byRef.get(i).bounds().contains(x, y)) return targets.get(i);
        }
        return null;
    }

    /**
     * A sim tab is checked when it is the current one; on Android and the web that is "selected"
     * (and Tandem reports both for a tab on every backend).
     */
    static boolean selected(Box b) {
        return "tab".equals(b.role()) && Boolean.TRUE.equals(b.checked());
    }

    /** Turns boxes into numbered, clipped UI nodes; elements entirely outside their clip are left out. */
    static final class Builder {
        final List<UiNode> byRef = new ArrayList<>();
        final List<Target> targets = new ArrayList<>();
        final List<UiNode> top = new ArrayList<>();

        void add(Box b, int dx, Bounds clip) {
            UiNode n = convert(b, dx, clip);
            if (n != null) top.add(n);
        }

        void addAll(Layer layer, int dx) {
            for (Box b : layer.boxes()) add(b, dx, layer.clip());
        }

        private UiNode convert(Box b, int dx, Bounds clip) {
            int x0 = Math.max(b.x() + dx, clip.x());
            int y0 = Math.max(b.y(), clip.y());
            int x1 = Math.min(b.x() + dx + b.width(), clip.x() + clip.width());
            int y1 = Math.min(b.y() + b.height(), clip.y() + clip.height());
            if (x1 <= x0 || y1 <= y0) return null;
            int index = byRef.size();
            byRef.add(null);
            targets.add(b.target());
            List<UiNode> children = new ArrayList<>(b.children().size());
            for (Box c : b.children()) {
                UiNode cn = convert(c, dx, clip);
                if (cn != null) children.add(cn);
            }
            UiNode n = new UiNode("e" + (index + 1), b.role(), b.id(), b.text(), b.hint(), new Bounds(x0, y0, x1 - x0, y1 - y0),
                    b.enabled(), b.checked(), b.focused(), selected(b), children);
            byRef.set(index, n);
            return n;
        }
    }
}
