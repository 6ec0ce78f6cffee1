package dev.tandem.sim;

import dev.tandem.apps.AppDefinition;
import dev.tandem.apps.ElementDef;
import dev.tandem.apps.ScreenDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A definition's elements as a tree with stable keys (the element id, or a path for elements
 * without one) and parent links, built once per app: what runtime state is keyed by.
 */
final class AppIndex {
    static final class Node {
        final String key;
        final ElementDef def;
        final Node parent;
        final String screen;
        final List<Node> children = new ArrayList<>();

        Node(String key, ElementDef def, Node parent, String screen) {
            this.key = key;
            this.def = def;
            this.parent = parent;
            this.screen = screen;
        }
    }

    final AppDefinition def;
    private final Map<String, List<Node>> screens = new HashMap<>();
    private final Map<String, Node> byKey = new HashMap<>();

    AppIndex(AppDefinition def) {
        this.def = def;
        for (ScreenDef s : def.screens()) {
            List<Node> top = new ArrayList<>();
            add(s.elements(), null, s.name(), "#" + s.name(), top);
            screens.put(s.name(), top);
        }
    }

    private void add(List<ElementDef> elements, Node parent, String screen, String path, List<Node> out) {
        for (int i = 0; i < elements.size(); i++) {
            ElementDef e = elements.get(i);
            String key = e.id() != null ? e.id() : path + "/" + i;
            Node n = new Node(key, e, parent, screen);
            byKey.put(key, n);
            out.add(n);
            add(e.children(), n, screen, key, n.children);
        }
    }

    /** The top-level elements of a screen, in order. */
    List<Node> screen(String name) {
        return screens.getOrDefault(name, List.of());
    }

    Node node(String key) {
        return byKey.get(key);
    }

    /** The elements beside {@code n}: its parent's children, or its screen's top level. */
    List<Node> siblings(Node n) {
        return n.parent != null ? n.parent.children : screen(n.screen);
    }
}
