package dev.tandem.appium;

import static dev.tandem.appium.MappingTable.attr;
import static dev.tandem.appium.MappingTable.flag;
import static dev.tandem.appium.MappingTable.intAttr;

import dev.tandem.protocol.Bounds;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Appium's fake driver ({@code @appium/fake-driver}): its page source is the app XML it was
 * given, wrapped in {@code <AppiumAUT>}, with an {@code <app width height>} root and
 * {@code Mock*} elements carrying {@code id}, {@code left/top/width/height}, {@code visible},
 * {@code enabled}, {@code selected}; their text is the element's character content (a
 * {@code MockInputField}'s typed value lives in the driver, not in the source).
 */
final class FakeTable implements MappingTable {
    static final FakeTable INSTANCE = new FakeTable();

    private static final Map<String, String> ROLES = Map.of(
            "MockButton", "button",
            "MockInputField", "textfield",
            "MockText", "text",
            "MockCheckbox", "checkbox",
            "MockSwitch", "switch",
            "MockImage", "image",
            "MockList", "list",
            "MockListItem", "listitem",
            "MockGroup", "group",
            "MockWebView", "group");

    private FakeTable() {}

    @Override
    public Mapped map(Element e) {
        String role = ROLES.get(e.getTagName());
        String own = ownText(e);
        String text = own.isEmpty() ? attr(e, "text") : own;
        String hint = attr(e, "hint");
        Boolean checked = "checkbox".equals(role) || "switch".equals(role) ? flag(e, "selected", false) : null;
        Bounds b = e.hasAttribute("width") && e.hasAttribute("height")
                ? new Bounds(intAttr(e, "left"), intAttr(e, "top"), intAttr(e, "width"), intAttr(e, "height"))
                : null;
        boolean leaf = role != null && !role.equals("list") && !role.equals("group") && !role.equals("listitem");
        return new Mapped(role, attr(e, "id"), text, hint, b, flag(e, "visible", true), flag(e, "enabled", true),
                checked, flag(e, "focused", false), leaf)
                // the fake driver's `selected` is a checkbox's or switch's checked state; for the rest it is selection
                .selected(checked == null && flag(e, "selected", false));
    }

    private static String ownText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE || n.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString().strip().replaceAll("\\s+", " ");
    }

    @Override
    public int[] declaredScreen(Element root) {
        for (var n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element app && app.getTagName().equals("app")) {
                int w = intAttr(app, "width"), h = intAttr(app, "height");
                return w > 0 && h > 0 ? new int[] {w, h} : null;
            }
        }
        return null;
    }
}
