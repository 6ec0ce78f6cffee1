package dev.tandem.appium;

import static dev.tandem.appium.MappingTable.attr;
import static dev.tandem.appium.MappingTable.flag;
import static dev.tandem.appium.MappingTable.intAttr;

import dev.tandem.protocol.Bounds;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * XCUITest's page source (WebDriverAgent: elements named {@code XCUIElementType*}): the type
 * gives the role; {@code name} (the accessibility identifier, or the label when there is none)
 * is the id only when it differs from the label; {@code label} is the text, except for fields
 * and switches, whose text is their {@code value} ({@code placeholderValue} is a field's hint);
 * {@code x/y/width/height} are in points, the unit taps are given in.
 */
final class IosTable implements MappingTable {
    static final IosTable INSTANCE = new IosTable();

    /** Element type (without the XCUIElementType prefix) → role; unlisted types are transparent. */
    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("Button", "button"),
            Map.entry("Link", "link"),
            Map.entry("MenuItem", "button"),
            Map.entry("SegmentedControl", "group"),
            Map.entry("TextField", "textfield"),
            Map.entry("SecureTextField", "textfield"),
            Map.entry("SearchField", "textfield"),
            Map.entry("TextView", "textfield"),
            Map.entry("StaticText", "text"),
            Map.entry("Switch", "switch"),
            Map.entry("Toggle", "switch"),
            Map.entry("CheckBox", "checkbox"),
            Map.entry("Image", "image"),
            Map.entry("Icon", "button"),
            Map.entry("Table", "list"),
            Map.entry("CollectionView", "list"),
            Map.entry("Cell", "listitem"),
            Map.entry("ScrollView", "group"),
            Map.entry("NavigationBar", "group"),
            Map.entry("TabBar", "group"),
            Map.entry("Tab", "tab"),
            Map.entry("Alert", "group"),
            Map.entry("Sheet", "group"),
            Map.entry("Keyboard", "keyboard"),
            Map.entry("WebView", "group"));

    /**
     * The return key's labels per UIReturnKeyType, which the sim calls the ime action: Tandem's
     * field actions, plus the labels iOS has and Tandem does not name.
     */
    private static final java.util.Set<String> IME_ACTIONS = java.util.stream.Stream.concat(
            dev.tandem.protocol.ImeAction.FIELD_ACTIONS.stream().map(dev.tandem.protocol.ImeAction::wireName),
            java.util.stream.Stream.of("return", "join", "route", "continue", "emergency call"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static boolean inKeyboard(Element e) {
        for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.getTagName().equals(PREFIX + "Keyboard")) return true;
        }
        return false;
    }

    private static final String PREFIX = "XCUIElementType";

    private IosTable() {}

    @Override
    public Mapped map(Element e) {
        String type = attr(e, "type");
        if (type == null) type = e.getTagName();
        if (type.startsWith(PREFIX)) type = type.substring(PREFIX.length());
        String role = ROLES.get(type);
        String name = attr(e, "name");
        String label = attr(e, "label");
        String value = attr(e, "value");
        String id = name != null && !name.equals(label) ? name : null;
        String text = label;
        String hint = null;
        Boolean checked = null;
        boolean leaf = role != null && !role.equals("list") && !role.equals("group") && !role.equals("listitem");
        if ("textfield".equals(role)) {
            hint = attr(e, "placeholderValue");
            text = value != null && !value.equals(hint) ? value : null;
            if (hint == null && text == null) hint = label;
        } else if ("switch".equals(role) || "checkbox".equals(role)) {
            checked = "1".equals(value) || "true".equals(value);
        } else if ("keyboard".equals(role)) {
            id = "system:keyboard";
            text = null;
        } else if (text == null && "text".equals(role)) {
            text = value;
        }
        if ("button".equals(role) && label != null && IME_ACTIONS.contains(label.toLowerCase(java.util.Locale.ROOT))
                && e.getParentNode() instanceof Element p && inKeyboard(p)) {
            id = "system:ime_action";
        }
        Bounds b = e.hasAttribute("width")
                ? new Bounds(intAttr(e, "x"), intAttr(e, "y"), intAttr(e, "width"), intAttr(e, "height"))
                : null;
        return new Mapped(role, id, text, hint, b, flag(e, "visible", true), flag(e, "enabled", true),
                checked, flag(e, "focused", false) || flag(e, "hasKeyboardFocus", false), leaf).selected(flag(e, "selected", false));
    }

    @Override
    public int[] declaredScreen(Element root) {
        int w = intAttr(root, "width"), h = intAttr(root, "height");
        return w > 0 && h > 0 ? new int[] {w, h} : null;
    }
}
