package dev.tandem.appium;

import static dev.tandem.appium.MappingTable.attr;
import static dev.tandem.appium.MappingTable.flag;

import dev.tandem.protocol.Bounds;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * UiAutomator2's page source ({@code <hierarchy>}, one element per view named by its class):
 * {@code class} gives the role, {@code resource-id} the id (without its {@code package:id/}
 * prefix, so ids read as the app's developer wrote them, like sim and web ids), {@code text} the
 * text, {@code content-desc} the hint of elements without text, {@code bounds} is
 * {@code [x1,y1][x2,y2]} in device pixels. System UI is named like the sim's: the notification
 * shade ({@code system:shade}, {@code system:notification} titled by its {@code android:id/title})
 * and the soft keyboard ({@code system:keyboard}).
 */
final class AndroidTable implements MappingTable {
    static final AndroidTable INSTANCE = new AndroidTable();

    /** Class (simple name, as views subclass the framework's) → role; unlisted views are transparent. */
    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("Button", "button"),
            Map.entry("ImageButton", "button"),
            Map.entry("FloatingActionButton", "button"),
            Map.entry("MaterialButton", "button"),
            Map.entry("EditText", "textfield"),
            Map.entry("AutoCompleteTextView", "textfield"),
            Map.entry("MultiAutoCompleteTextView", "textfield"),
            Map.entry("TextInputEditText", "textfield"),
            Map.entry("TextView", "text"),
            Map.entry("CheckBox", "checkbox"),
            Map.entry("RadioButton", "checkbox"),
            Map.entry("CheckedTextView", "checkbox"),
            Map.entry("Switch", "switch"),
            Map.entry("SwitchCompat", "switch"),
            Map.entry("SwitchMaterial", "switch"),
            Map.entry("ToggleButton", "switch"),
            Map.entry("ImageView", "image"),
            Map.entry("ListView", "list"),
            Map.entry("RecyclerView", "list"),
            Map.entry("GridView", "list"),
            Map.entry("ScrollView", "group"),
            Map.entry("HorizontalScrollView", "group"),
            Map.entry("NestedScrollView", "group"),
            Map.entry("WebView", "group"),
            Map.entry("ActionBar$Tab", "tab"),
            Map.entry("TabLayout$TabView", "tab"));

    private static final Pattern BOUNDS = Pattern.compile("\\[(-?\\d+),(-?\\d+)]\\[(-?\\d+),(-?\\d+)]");
    private static final String SYSTEM_UI = "com.android.systemui";

    private AndroidTable() {}

    @Override
    public Mapped map(Element e) {
        String cls = attr(e, "class");
        if (cls == null) cls = e.getTagName();
        String simple = cls.substring(Math.max(cls.lastIndexOf('.'), -1) + 1);
        String rawId = attr(e, "resource-id");
        String id = shortId(rawId);
        String text = attr(e, "text");
        String desc = attr(e, "content-desc");
        String role = ROLES.get(simple);
        boolean leaf = role != null && !role.equals("list") && !role.equals("group");
        String hint = null;
        if ("textfield".equals(role)) {
            // An empty EditText reports its hint as its text; `hint` says which it is (API 26+).
            hint = attr(e, "hint");
            if (text != null && text.equals(hint)) text = null;
        } else if (text == null) {
            hint = desc;
        }
        if (role == null && (text != null || desc != null) && flag(e, "clickable", false)) role = "button";
        if (isKeyboard(e)) {
            role = "keyboard";
            id = "system:keyboard";
            leaf = true;
        } else if (SYSTEM_UI.equals(attr(e, "package"))) {
            if ("notification_stack_scroller".equals(id)) {
                role = "group";
                id = "system:shade";
            } else if ("expandableNotificationRow".equals(id) || "status_bar_latest_event_content".equals(id)) {
                role = "notification";
                id = "system:notification";
            } else if ("android:id/title".equals(rawId)) {
                id = "system:notification_title";
            } else if ("android:id/text".equals(rawId) || "android:id/big_text".equals(rawId)) {
                id = "system:notification_text";
            }
        }
        if ("key_pos_ime_action".equals(id)) { // Gboard's action key, labelled by its action (Send, Search, Done…)
            id = "system:ime_action";
            text = desc;
            hint = null;
        }
        boolean checkable = flag(e, "checkable", false);
        Boolean checked = checkable || "checkbox".equals(role) || "switch".equals(role) ? flag(e, "checked", false) : null;
        return new Mapped(role, id, text, hint, bounds(attr(e, "bounds")), flag(e, "displayed", true),
                flag(e, "enabled", true), checked, flag(e, "focused", false), leaf).selected(flag(e, "selected", false));
    }

    /** The IME's window: its package is an input method's (Gboard, AOSP, Samsung's). */
    private static boolean isKeyboard(Element e) {
        String pkg = attr(e, "package");
        if (pkg == null || !(e.getParentNode() instanceof Element p) || !p.getTagName().equals("hierarchy")) return false;
        return pkg.contains("inputmethod") || pkg.endsWith(".keyboard") || pkg.contains(".honeyboard");
    }

    static String shortId(String resourceId) {
        if (resourceId == null) return null;
        int slash = resourceId.indexOf(":id/");
        return slash < 0 ? resourceId : resourceId.substring(slash + 4);
    }

    static Bounds bounds(String s) {
        if (s == null) return null;
        Matcher m = BOUNDS.matcher(s);
        if (!m.matches()) return null;
        int x1 = Integer.parseInt(m.group(1)), y1 = Integer.parseInt(m.group(2));
        int x2 = Integer.parseInt(m.group(3)), y2 = Integer.parseInt(m.group(4));
        return new Bounds(x1, y1, x2 - x1, y2 - y1);
    }

    @Override
    public int[] declaredScreen(Element root) {
        int w = MappingTable.intAttr(root, "width"), h = MappingTable.intAttr(root, "height");
        return w > 0 && h > 0 ? new int[] {w, h} : null;
    }
}
