package dev.tandem.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.UiNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the agent's flat node list ({@code [role, id, text, hint, x, y, w, h, flags, parent]}, in
 * document order, parents before children; flags: 1 enabled, 2 focused, 4 checked, 8 checkable, 16 selected) into the UiNode tree, with refs e1, e2… in that order.
 */
final class SnapshotReader {
    private static final int ENABLED = 1;
    private static final int FOCUSED = 2;
    private static final int CHECKED = 4;
    private static final int CHECKABLE = 8;
    private static final int SELECTED = 16;

    private SnapshotReader() {}

    /** The root ("screen", the viewport) holding the page's visible elements. */
    static UiNode tree(JsonNode nodes, int width, int height) {
        int n = nodes.size();
        List<List<UiNode>> children = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) children.add(null);
        UiNode[] built = new UiNode[n];
        // Children come after their parent: build from the end, so each node's children are ready.
        for (int i = n - 1; i >= 0; i--) {
            JsonNode a = nodes.get(i);
            int flags = a.get(8).asInt();
            List<UiNode> kids = children.get(i + 1);
            built[i] = new UiNode("e" + (i + 1), a.get(0).asText(), text(a.get(1)), text(a.get(2)), text(a.get(3)),
                    new Bounds(a.get(4).asInt(), a.get(5).asInt(), a.get(6).asInt(), a.get(7).asInt()),
                    (flags & ENABLED) != 0, (flags & CHECKABLE) == 0 ? null : (flags & CHECKED) != 0,
                    (flags & FOCUSED) != 0, (flags & SELECTED) != 0, kids == null ? List.of() : kids.reversed());
            int parent = a.get(9).asInt();
            int slot = parent < 0 ? 0 : parent + 1;
            if (children.get(slot) == null) children.set(slot, new ArrayList<>());
            children.get(slot).add(built[i]);
        }
        List<UiNode> top = children.get(0) == null ? List.of() : children.get(0).reversed();
        return new UiNode(null, "screen", null, null, null, new Bounds(0, 0, width, height), true, null, false, top);
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }
}
