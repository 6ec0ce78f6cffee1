package dev.tandem.sim;

import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes the screen from the model at an instant: status bar; then the shade, or the launcher,
 * or the foreground app (app bar, scrolling content, docked elements, keyboard); during a
 * transition the outgoing screen and the incoming one are both there, offset by the frame.
 */
final class FrameBuilder {
    private FrameBuilder() {}

    static Frame build(Phone p, long now, long version) {
        Geometry g = p.geometry;
        Bounds screen = new Bounds(0, 0, g.width(), g.height());
        Frame.Builder b = new Frame.Builder();
        b.add(SystemUi.statusBar(g), 0, screen);
        AppRuntime rt = p.foregroundApp();
        String screenName = rt == null ? "launcher" : rt.top().screen;
        if (p.shade) {
            b.add(SystemUi.shade(g, p.notifications), 0, screen);
        } else {
            Transition t = p.transition;
            if (t != null && t.finishedAt(now)) t = null;
            if (rt != null) {
                AppRuntime.Entry top = rt.top();
                String title = rt.index.def.screen(top.screen).map(s -> s.title()).orElse("");
                for (Box box : SystemUi.appBar(g, title, rt.stack.size() > 1)) b.add(box, 0, screen);
            }
            if (t != null) {
                int out = t.outgoingDx(now, g.width());
                for (Layer l : t.outgoing()) b.addAll(l, out);
            }
            int in = t == null ? 0 : t.incomingDx(now, g.width());
            for (Layer l : layers(p)) b.addAll(l, in);
            if (rt != null && p.keyboardShown(rt)) {
                b.add(SystemUi.keyboard(g, rt.focused().def.imeAction()), 0, screen);
            }
        }
        UiNode root = new UiNode(null, "screen", null, null, null, screen, true, null, false, b.top);
        Snapshot snap = new Snapshot(p.config.deviceId(), rt == null ? null : rt.appId(), screenName,
                g.width(), g.height(), g.density(), root);
        return new Frame(version, snap, List.copyOf(b.byRef), java.util.Collections.unmodifiableList(new ArrayList<>(b.targets)));
    }

    /** The foreground's moving parts (what a transition slides): the launcher, or the app's content and dock. */
    static List<Layer> layers(Phone p) {
        AppRuntime rt = p.foregroundApp();
        if (rt == null) return List.of(SystemUi.launcher(p.geometry, p.catalog().apps()));
        ContentLayout.Result r = ContentLayout.layout(rt, p.geometry, p.keyboardShown(rt));
        return List.of(r.content(), r.dock());
    }
}
