package dev.tandem.apps;

import dev.tandem.protocol.TextMatch;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cross-reference checks of a parsed definition: unique names, action targets, screens, templates. */
final class AppChecks {
    private final AppDefinition def;
    private final Problems problems;
    private final Map<String, ElementDef> byId = new HashMap<>();
    private final Set<String> screens = new HashSet<>();

    private AppChecks(AppDefinition def, Problems problems) {
        this.def = def;
        this.problems = problems;
    }

    static void check(AppDefinition def, Problems problems) {
        new AppChecks(def, problems).run();
    }

    private void run() {
        for (int s = 0; s < def.screens().size(); s++) {
            ScreenDef screen = def.screens().get(s);
            if (!screens.add(screen.name())) problems.add("screens[" + s + "].name", "two screens are named '" + screen.name() + "'; screen names must be unique");
            collectIds(screen.elements(), "screens[" + s + "].elements");
        }
        if (def.initialScreen() != null && !screens.contains(def.initialScreen())) {
            problems.add("initialScreen", "no screen is named '" + def.initialScreen() + "'" + Problems.suggest(def.initialScreen(), screens)
                    + "; screens are " + String.join(", ", screens));
        }
        checkActions(def.onMessage(), "onMessage", true);
        for (int s = 0; s < def.screens().size(); s++) {
            ScreenDef screen = def.screens().get(s);
            checkElements(screen.elements(), "screens[" + s + "].elements");
            if (screen.focus() != null && !onScreen(screen.elements(), screen.focus())) {
                problems.add("screens[" + s + "].focus", "'" + screen.focus() + "' is not a textfield of screen '" + screen.name()
                        + "'; focus names the textfield that gets the keyboard when the screen opens");
            }
        }
    }

    private void collectIds(List<ElementDef> elements, String path) {
        for (int i = 0; i < elements.size(); i++) {
            ElementDef e = elements.get(i);
            String p = path + "[" + i + "]";
            if (e.id() != null && byId.putIfAbsent(e.id(), e) != null) {
                problems.add(p + ".id", "the id '" + e.id() + "' is used twice; element ids must be unique within an app");
            }
            collectIds(e.children(), p + ".children");
        }
    }

    private static boolean onScreen(List<ElementDef> elements, String id) {
        for (ElementDef e : elements) {
            if (id.equals(e.id()) && e.role() == Role.TEXTFIELD) return true;
            if (onScreen(e.children(), id)) return true;
        }
        return false;
    }

    private void checkElements(List<ElementDef> elements, String path) {
        for (int i = 0; i < elements.size(); i++) {
            ElementDef e = elements.get(i);
            String p = path + "[" + i + "]";
            if (e.text() != null && e.text().contains("${")) {
                problems.add(p + ".text", "templates are expanded in action values only (setText, notify…); element text is shown as written");
            }
            checkActions(e.onTap(), p + ".onTap", false);
            checkActions(e.onLongPress(), p + ".onLongPress", false);
            checkActions(e.onIme(), p + ".onIme", false);
            checkElements(e.children(), p + ".children");
        }
    }

    private void checkActions(List<Action> actions, String path, boolean onMessage) {
        for (int i = 0; i < actions.size(); i++) {
            String p = path + "[" + i + "]";
            switch (actions.get(i)) {
                case Action.Navigate n -> {
                    if (!screens.contains(n.screen())) {
                        problems.add(p + ".navigate", "no screen is named '" + n.screen() + "'" + Problems.suggest(n.screen(), screens)
                                + "; screens are " + String.join(", ", screens));
                    }
                }
                case Action.Back b -> { }
                case Action.SetText t -> {
                    target(t.target(), p + ".setText.target", "has text", e -> !e.role().container());
                    templates(t.text(), p + ".setText.text", onMessage);
                }
                case Action.Toggle t -> target(t.target(), p + ".toggle", "is a checkbox, switch or tab", e -> e.role().checkable());
                case Action.Select t -> target(t.target(), p + ".select", "is a checkbox, switch or tab", e -> e.role().checkable());
                case Action.Show t -> target(t.target(), p + ".show", "exists", e -> true);
                case Action.Hide t -> target(t.target(), p + ".hide", "exists", e -> true);
                case Action.Clear t -> target(t.target(), p + ".clear", "has text or is a list",
                        e -> e.role() == Role.LIST || !e.role().container());
                case Action.Require r -> {
                    target(r.field(), p + ".require.field", "has text", e -> !e.role().container());
                    if (r.errorTarget() != null) target(r.errorTarget(), p + ".require.error.target", "has text", e -> !e.role().container());
                    templates(r.errorText(), p + ".require.error.text", onMessage);
                    try {
                        TextMatch.regex(r.pattern());
                    } catch (TextMatch.InvalidRegex ex) {
                        problems.add(p + ".require.pattern", "not a valid regular expression: " + ex.description());
                    }
                }
                case Action.SendMessage m -> {
                    if (m.from() != null) target(m.from(), p + ".sendMessage.from", "is a textfield", e -> e.role() == Role.TEXTFIELD);
                    if (m.appendTo() != null) target(m.appendTo(), p + ".sendMessage.appendTo", "is a list", e -> e.role() == Role.LIST);
                    templates(m.text(), p + ".sendMessage.text", onMessage);
                }
                case Action.AppendMessage m -> target(m.list(), p + ".appendMessage", "is a list", e -> e.role() == Role.LIST);
                case Action.Notify n -> {
                    templates(n.title(), p + ".notify.title", onMessage);
                    templates(n.body(), p + ".notify.body", onMessage);
                }
            }
        }
    }

    private void target(String id, String path, String what, java.util.function.Predicate<ElementDef> ok) {
        ElementDef e = byId.get(id);
        if (e == null) {
            problems.add(path, "no element has id '" + id + "'" + Problems.suggest(id, byId.keySet()));
        } else if (!ok.test(e)) {
            problems.add(path, "'" + id + "' is a " + e.role().wireName() + "; this action needs an element that " + what);
        }
    }

    private void templates(String value, String path, boolean onMessage) {
        for (String name : Templates.names(value)) {
            String problem = Templates.problem(name, byId.keySet(), onMessage);
            if (problem != null) problems.add(path, problem);
        }
    }
}
