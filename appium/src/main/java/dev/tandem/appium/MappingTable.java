package dev.tandem.appium;

import org.w3c.dom.Element;

/** How one platform's page source reads: which element is which role, and which attribute is what. */
sealed interface MappingTable permits AndroidTable, IosTable, FakeTable {

    Mapped map(Element e);

    /** Screen size declared by the source's root element, or null when it declares none. */
    int[] declaredScreen(Element root);

    /** The table for a page source, from its root element's name. */
    static MappingTable forRoot(Element root) {
        return switch (root.getTagName()) {
            case "hierarchy" -> AndroidTable.INSTANCE;
            case "AppiumAUT" -> FakeTable.INSTANCE;
            default -> root.getTagName().startsWith("XCUIElementType") ? IosTable.INSTANCE : null;
        };
    }

    static String attr(Element e, String name) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? null : v;
    }

    static boolean flag(Element e, String name, boolean absent) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? absent : v.equals("true") || v.equals("1");
    }

    static int intAttr(Element e, String name) {
        String v = e.getAttribute(name);
        if (v.isEmpty()) return 0;
        try {
            return (int) Math.round(Double.parseDouble(v));
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
