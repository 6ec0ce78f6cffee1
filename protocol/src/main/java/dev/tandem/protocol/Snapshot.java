package dev.tandem.protocol;

import java.util.List;

/**
 * What a device shows: its screen and the UI tree on it.
 *
 * @param app the foreground app id, or null on the home screen
 * @param screen the app's current screen name (backend-defined; the page title on web)
 * @param root the tree's root, whose descendants are the elements on screen
 */
public record Snapshot(String device, String app, String screen, int width, int height, double density, UiNode root) {

    public List<UiNode> elements() {
        return root.flatten();
    }
}
