package dev.tandem.appium;

import dev.tandem.protocol.UiNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;

/** Test fixtures (page sources written in the drivers' real formats) and lookups over a tree. */
final class Fixtures {
    private Fixtures() {}

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static UiNode byId(UiNode root, String id) {
        return root.flatten().stream().filter(n -> id.equals(n.id())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no #" + id + " in " + describe(root)));
    }

    static List<UiNode> byRole(UiNode root, String role) {
        return root.flatten().stream().filter(n -> role.equals(n.role())).toList();
    }

    static List<String> texts(UiNode root) {
        return root.flatten().stream().map(UiNode::text).filter(t -> t != null && !t.isEmpty()).toList();
    }

    static String describe(UiNode root) {
        return root.flatten().stream().map(UiNode::describe).toList().toString();
    }
}
