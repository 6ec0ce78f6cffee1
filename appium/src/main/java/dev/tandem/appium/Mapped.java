package dev.tandem.appium;

import dev.tandem.protocol.Bounds;

/**
 * One page-source element as a mapping table reads it, before the tree is built.
 *
 * @param role Tandem's role, or null for a container that is transparent (its children are lifted)
 * @param shown the driver says the element is displayed/visible
 * @param leaf its descendants are part of it (a button's label, a text field's inner views)
 */
record Mapped(String role, String id, String text, String hint, Bounds bounds, boolean shown,
              boolean enabled, Boolean checked, boolean focused, boolean leaf) {}
