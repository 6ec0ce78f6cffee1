package dev.tandem.sim;

import java.util.List;

/**
 * A laid-out element in screen coordinates (dp), before clipping and ref numbering turn it into a
 * {@link dev.tandem.protocol.UiNode}.
 *
 * @param target what a tap does; null when the element does not react
 */
record Box(String role, String id, String text, String hint, int x, int y, int width, int height,
           boolean enabled, Boolean checked, boolean focused, List<Box> children, Target target) {

    static Box leaf(String role, String id, String text, int x, int y, int width, int height, Target target) {
        return new Box(role, id, text, null, x, y, width, height, true, null, false, List.of(), target);
    }

    static Box group(String role, String id, int x, int y, int width, int height, List<Box> children) {
        return new Box(role, id, null, null, x, y, width, height, true, null, false, children, null);
    }
}
