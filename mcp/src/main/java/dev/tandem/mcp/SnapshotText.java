package dev.tandem.mcp;

import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;

/**
 * A snapshot as text, the way {@code tandem snapshot} prints it: a header line, then one line per
 * element, indented by depth, with its ref ({@code @e3}), role, text and id and its states.
 */
final class SnapshotText {
    private SnapshotText() {}

    static String of(Snapshot snap) {
        StringBuilder out = new StringBuilder();
        out.append(snap.device()).append(" · ")
                .append(snap.app() == null ? "home screen" : snap.app() + " · " + snap.screen())
                .append(" · ").append(snap.width()).append('x').append(snap.height()).append('\n');
        append(out, snap.root(), 0);
        return out.toString();
    }

    private static void append(StringBuilder out, UiNode n, int depth) {
        if (n == null) return;
        out.append("  ".repeat(depth));
        if (n.ref() != null) out.append('@').append(n.ref()).append(' ');
        out.append(n.describe());
        if (n.checked() != null) out.append(n.checked() ? " [checked]" : " [unchecked]");
        if (n.focused()) out.append(" [focused]");
        if (!n.enabled()) out.append(" [disabled]");
        out.append('\n');
        for (UiNode c : n.children()) append(out, c, depth + 1);
    }
}
