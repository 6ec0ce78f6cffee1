package dev.tandem.appium;

import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An Appium page source (UiAutomator2, XCUITest or the fake driver's) as Tandem's UI tree: a
 * {@code screen} root whose descendants are the elements on screen, with refs e1, e2… in
 * document order. What each element means comes from its platform's {@link MappingTable}; the
 * rules here are the same for every platform, and the same as web's: hidden or off-screen
 * elements are absent (with their subtrees), bounds are clipped to the screen, containers without
 * a role are transparent, a list's rows are list items whose text is their texts', a leaf's
 * descendants are part of it.
 */
public final class PageSourceParser {
    private static final Set<String> INTERACTIVE = Set.of("button", "textfield", "checkbox", "switch", "link", "tab");

    private PageSourceParser() {}

    /** Screen size from the source's root, for sources read without a window rect. */
    public static UiNode parse(String xml) {
        return parse(xml, 0, 0);
    }

    /**
     * @param width the screen width in the source's coordinates (0: the size the source declares)
     */
    public static UiNode parse(String xml, int width, int height) {
        Element root = SafeXml.parse(xml).getDocumentElement();
        MappingTable table = MappingTable.forRoot(root);
        if (table == null) {
            throw new TandemException(ErrorCode.RUNNER_FAILED, "The page source's root element <" + root.getTagName()
                    + "> is neither UiAutomator2's <hierarchy>, XCUITest's XCUIElementType* nor the fake driver's"
                    + " <AppiumAUT>; use the UiAutomator2, XCUITest or fake driver (appium:automationName).");
        }
        if (width <= 0 || height <= 0) {
            int[] declared = table.declaredScreen(root);
            if (declared == null) {
                throw new TandemException(ErrorCode.RUNNER_FAILED,
                        "The page source declares no screen size; read the window rect and pass it.");
            }
            width = declared[0];
            height = declared[1];
        }
        Bounds screen = new Bounds(0, 0, width, height);
        List<Draft> top = new ArrayList<>();
        // XCUITest's root is the application element itself: its children are the screen's.
        children(root, table, screen, null, top);
        int[] ref = {0};
        List<UiNode> nodes = new ArrayList<>(top.size());
        for (Draft d : top) nodes.add(d.build(ref));
        return new UiNode(null, "screen", null, null, null, screen, true, null, false, nodes);
    }

    /** A node before refs are given (refs follow document order of what is kept). */
    private record Draft(Mapped m, Bounds bounds, List<Draft> children) {
        UiNode build(int[] ref) {
            String r = "e" + (++ref[0]);
            List<UiNode> kids = new ArrayList<>(children.size());
            for (Draft c : children) kids.add(c.build(ref));
            return new UiNode(r, m.role(), m.id(), m.text(), m.hint(), bounds, m.enabled(), m.checked(), m.focused(), m.selected(),
                    kids);
        }
    }

    private static void children(Element parent, MappingTable table, Bounds screen, String parentRole, List<Draft> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) element(e, table, screen, parentRole, out);
        }
    }

    private static void element(Element e, MappingTable table, Bounds screen, String parentRole, List<Draft> out) {
        Mapped m = table.map(e);
        if (!m.shown()) return;
        Bounds b = m.bounds();
        if (b != null && (b.width() <= 0 || b.height() <= 0 || !b.intersects(screen))) return;
        if ("list".equals(parentRole) && (m.role() == null || "group".equals(m.role()))) {
            m = with(m, "listitem");
        }
        boolean nestedNotification = "notification".equals(parentRole) && "notification".equals(m.role()); // row + content view
        if (m.role() == null || b == null || nestedNotification) {
            children(e, table, screen, parentRole, out); // transparent: its children take its place
            return;
        }
        Bounds clipped = clip(b, screen);
        List<Draft> kids = new ArrayList<>();
        if (!m.leaf() || "keyboard".equals(m.role())) children(e, table, screen, m.role(), kids);
        if ("keyboard".equals(m.role())) {
            // Letter keys are not elements a plan selects (inputText types); the action key is, as on the sim.
            List<Draft> action = new ArrayList<>();
            for (Draft d : flat(kids)) if ("system:ime_action".equals(d.m().id())) action.add(new Draft(d.m(), d.bounds(), List.of()));
            kids = action;
        }
        switch (m.role()) {
            case "listitem" -> {
                // A row reads as its texts, like a user reads it; its controls stay separate elements.
                List<String> texts = new ArrayList<>();
                List<Draft> controls = new ArrayList<>();
                rowParts(kids, texts, controls);
                kids = controls;
                if (empty(m.text()) && !texts.isEmpty()) m = withText(m, String.join("\n", texts));
            }
            case "notification" -> m = titled(m, kids);
            case "text" -> {
                if (empty(m.text()) && empty(m.hint()) && empty(m.id())) return; // nothing to read
            }
            default -> {}
        }
        out.add(new Draft(m, clipped, kids));
    }

    private static void rowParts(List<Draft> in, List<String> texts, List<Draft> controls) {
        for (Draft d : in) {
            if (INTERACTIVE.contains(d.m().role())) {
                controls.add(d);
                continue;
            }
            if ("text".equals(d.m().role()) && !empty(d.m().text())) texts.add(d.m().text());
            rowParts(d.children(), texts, controls);
        }
    }

    /** A notification is titled by its title text (as the sim's); its body stays its child. */
    private static Mapped titled(Mapped m, List<Draft> kids) {
        String title = null;
        for (var it = kids.listIterator(); it.hasNext(); ) {
            Draft d = it.next();
            if ("system:notification_title".equals(d.m().id())) {
                title = d.m().text();
                it.remove();
            }
        }
        return title == null ? m : withText(m, title);
    }

    private static List<Draft> flat(List<Draft> in) {
        List<Draft> out = new ArrayList<>();
        for (Draft d : in) {
            out.add(d);
            out.addAll(flat(d.children()));
        }
        return out;
    }

    private static Mapped withText(Mapped m, String text) {
        return new Mapped(m.role(), m.id(), text, m.hint(), m.bounds(), m.shown(), m.enabled(), m.checked(), m.focused(), m.leaf());
    }

    private static Mapped with(Mapped m, String role) {
        return new Mapped(role, m.id(), m.text(), m.hint(), m.bounds(), m.shown(), m.enabled(), m.checked(), m.focused(), false);
    }

    private static Bounds clip(Bounds b, Bounds s) {
        int x0 = Math.max(b.x(), s.x()), y0 = Math.max(b.y(), s.y());
        int x1 = Math.min(b.x() + b.width(), s.x() + s.width()), y1 = Math.min(b.y() + b.height(), s.y() + s.height());
        return new Bounds(x0, y0, x1 - x0, y1 - y0);
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
