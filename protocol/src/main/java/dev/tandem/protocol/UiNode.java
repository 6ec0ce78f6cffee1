package dev.tandem.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a device's UI tree, the same shape for every backend. Only elements on screen
 * are in a snapshot (as on a phone, list items scrolled away are absent).
 *
 * @param ref stable-within-a-snapshot handle such as {@code e3}, shown by {@code tandem snapshot}
 * @param role button, textfield, text, checkbox, switch, tab, list, listitem, image, group, notification…
 * @param checked null when the element is not checkable
 * @param selected the element is the chosen one of a group (a tab, a list item, an option)
 */
public record UiNode(
        String ref,
        String role,
        String id,
        String text,
        String hint,
        Bounds bounds,
        boolean enabled,
        Boolean checked,
        boolean focused,
        boolean selected,
        List<UiNode> children) {

    public UiNode {
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** An element that is not selected (most are). */
    public UiNode(String ref, String role, String id, String text, String hint, Bounds bounds, boolean enabled, Boolean checked,
            boolean focused, List<UiNode> children) {
        this(ref, role, id, text, hint, bounds, enabled, checked, focused, false, children);
    }

    /** This node and all its descendants in document order. */
    public List<UiNode> flatten() {
        List<UiNode> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(UiNode node, List<UiNode> out) {
        out.add(node);
        for (UiNode child : node.children) collect(child, out);
    }

    /**
     * Short human description on one line: {@code button "Sign in" #submit}. A text of several lines
     * (a list item that merges its labels) shows its line breaks as {@code \n}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(role == null ? "element" : role);
        if (text != null && !text.isEmpty()) sb.append(" \"").append(oneLine(text)).append('"');
        else if (hint != null && !hint.isEmpty()) sb.append(" hint=\"").append(oneLine(hint)).append('"');
        if (id != null && !id.isEmpty()) sb.append(" #").append(id);
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replace("\r", "").replace("\n", "\\n");
    }
}
