package dev.tandem.appium;

import dev.tandem.protocol.Bounds;

/**
 * One page-source element as a mapping table reads it, before the tree is built.
 *
 * @param role Tandem's role, or null for a container that is transparent (its children are lifted)
 * @param shown the driver says the element is displayed/visible
 * @param leaf its descendants are part of it (a button's label, a text field's inner views)
 * @param selected the driver's {@code selected}: the current tab, a chosen row or option. A tab
 *     that is selected is also checked, as on the sim and the web (one meaning on every backend)
 */
record Mapped(String role, String id, String text, String hint, Bounds bounds, boolean shown,
              boolean enabled, Boolean checked, boolean focused, boolean leaf, boolean selected) {

    Mapped(String role, String id, String text, String hint, Bounds bounds, boolean shown, boolean enabled, Boolean checked,
            boolean focused, boolean leaf) {
        this(role, id, text, hint, bounds, shown, enabled, checked, focused, leaf, false);
    }

    /** The mapping with the driver's selected flag; a tab's checked follows it where the driver gave none. */
    Mapped selected(boolean isSelected) {
        Boolean c = "tab".equals(role) && checked == null ? Boolean.valueOf(isSelected) : checked;
        return new Mapped(role, id, text, hint, bounds, shown, enabled, c, focused, leaf, isSelected);
    }
}
