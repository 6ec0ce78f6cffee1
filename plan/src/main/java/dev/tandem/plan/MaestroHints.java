package dev.tandem.plan;

import dev.tandem.protocol.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maestro habits: a Maestro-style step ({@code - tapOn: "Sign in"}, {@code - launchApp},
 * {@code - back}) is reported with the Tandem form of that very step, and a Maestro file (a header
 * document, {@code ---}, then the steps) is recognised as such. {@link #convertStep} is also what
 * {@code tandem validate --explain} converts a whole Maestro flow with ({@link MaestroFlow}).
 */
final class MaestroHints {
    private MaestroHints() {}

    /** Maestro commands whose Tandem form is known, as written in Maestro (keys of a step, or a bare step). */
    static final Set<String> COMMANDS = Set.of("tapOn", "doubleTapOn", "longPressOn", "assertVisible", "assertNotVisible",
            "inputText", "eraseText", "launchApp", "stopApp", "clearState", "back", "pressKey", "scroll", "scrollUntilVisible",
            "swipe", "takeScreenshot", "openLink", "extendedWaitUntil", "hideKeyboard", "waitForAnimationToEnd",
            "inputRandomText", "runScript", "evalScript", "assertTrue", "copyTextFrom", "pasteText", "setLocation", "travel",
            "addMedia", "clearKeychain", "killApp", "startRecording", "stopRecording");

    static final String EXPLAIN = "tandem validate --explain prints the whole plan converted";

    /** Whether {@code step} is a Maestro-style step; if so its problem (with the Tandem form) is recorded. */
    static boolean report(YNode step, Problems problems) {
        String command = command(step);
        if (command == null) return false;
        String tandem = convertStep(step, null);
        String tool = toolOf(command);
        if (tandem == null && tool != null) tandem = "{tool: " + tool + ", ...} with its parameters";
        problems.add(tandem != null ? step(step.pos(), command, tandem) : unknown(step.pos(), command));
        return true;
    }

    /** The Tandem tool a Maestro command becomes, or null when there is none. */
    static String toolOf(String command) {
        return switch (command) {
            case "tapOn", "doubleTapOn", "longPressOn" -> "tapOn";
            case "eraseText" -> "clearText";
            case "clearState", "launchApp", "openLink" -> "launchApp";
            case "killApp", "stopApp" -> "stopApp";
            case "back", "pressKey" -> "pressButton";
            case "scroll" -> "swipe";
            case "extendedWaitUntil" -> "assertVisible";
            case "takeScreenshot" -> "screenshot";
            default -> isTool(command) ? command : null;
        };
    }

    /** The Maestro command a step is written as, or null when it is not Maestro-style. */
    static String command(YNode step) {
        if (step instanceof YNode.Scalar s && s.kind() == YNode.Kind.STR && (COMMANDS.contains(s.text()) || isTool(s.text()))) {
            return s.text();
        }
        if (step instanceof YNode.Map m && m.get("tool") == null && !m.entries().isEmpty()) {
            String key = m.entries().getFirst().key();
            if (COMMANDS.contains(key)) return key;
        }
        return null;
    }

    private static boolean isTool(String name) {
        return Tool.byName(name).filter(t -> t.traits().inPlans()).isPresent();
    }

    static Diagnostic step(SourcePos pos, String command, String tandem) {
        return new Diagnostic(pos, "'" + Messages.clip(command) + "' is written as a Maestro step; a Tandem step names its tool",
                "write it as - " + tandem + " (" + EXPLAIN + ")");
    }

    static Diagnostic unknown(SourcePos pos, String command) {
        return new Diagnostic(pos, "'" + Messages.clip(command) + "' is written as a Maestro step; Tandem has no tool for it",
                "plan tools: " + Messages.PLAN_TOOLS);
    }

    /** The second document of a Maestro flow (a header mapping, then its steps): say so, and keep the steps. */
    static Diagnostic maestroFile(SourcePos pos, String appId) {
        return new Diagnostic(pos, "this is a Maestro flow: a header" + (appId == null ? "" : " (appId: " + Messages.clip(appId) + ")")
                        + ", '---', then the steps; a Tandem plan is one document",
                "keep the steps: put them under 'steps:' in the header's document and launch the app with a step, e.g. "
                        + "steps: [{tool: launchApp, appId: " + (appId == null ? "com.example.app" : Messages.clip(appId)) + "}, ...]; "
                        + "tandem validate --explain prints this file converted");
    }

    /**
     * The Tandem form of a Maestro-style step as one flow mapping ({@code {tool: tapOn, text: "Sign in"}}),
     * or null when Tandem has no tool for it. {@code appId} stands in for a bare {@code launchApp}.
     */
    static String convertStep(YNode step, String appId) {
        String command;
        YNode arg;
        String label = null;
        if (step instanceof YNode.Scalar s) {
            command = s.text();
            arg = null;
        } else if (step instanceof YNode.Map m && !m.entries().isEmpty()) {
            command = m.entries().getFirst().key();
            arg = m.entries().getFirst().value();
            YNode.Entry l = m.get("label");
            if (l != null && l.value() instanceof YNode.Scalar ls) label = ls.text();
        } else {
            return null;
        }
        if (arg instanceof YNode.Scalar a && a.kind() == YNode.Kind.NULL) arg = null;
        Map<String, String> out = new LinkedHashMap<>();
        switch (command) {
            case "tapOn", "doubleTapOn", "longPressOn" -> {
                out.put("tool", "tapOn");
                if (!selector(arg, out)) return null;
                if (command.equals("doubleTapOn")) out.put("action", "doubleTap");
                if (command.equals("longPressOn")) out.put("action", "longPress");
            }
            case "assertVisible", "assertNotVisible" -> {
                out.put("tool", command);
                if (!selector(arg, out)) return null;
            }
            case "inputText" -> {
                if (!(arg instanceof YNode.Scalar a)) return null;
                out.put("tool", "inputText");
                out.put("text", quote(a.text()));
            }
            case "eraseText" -> out.put("tool", "clearText");
            case "launchApp", "clearState", "stopApp", "killApp" -> {
                boolean stop = command.equals("stopApp") || command.equals("killApp");
                out.put("tool", stop ? "stopApp" : "launchApp");
                String id = arg instanceof YNode.Scalar a ? a.text() : arg instanceof YNode.Map am && am.get("appId") != null
                        && am.get("appId").value() instanceof YNode.Scalar as ? as.text() : appId;
                out.put("appId", quote(id == null ? "com.example.app" : id));
                boolean clear = command.equals("clearState") || (arg instanceof YNode.Map am2 && am2.get("clearState") != null
                        && am2.get("clearState").value() instanceof YNode.Scalar cs && cs.asBool());
                if (clear && !stop) out.put("clearState", "true");
            }
            case "back" -> {
                out.put("tool", "pressButton");
                out.put("button", dev.tandem.protocol.Button.BACK.wireName());
            }
            case "pressKey" -> {
                if (!(arg instanceof YNode.Scalar a)) return null;
                var button = dev.tandem.protocol.Button.fromWire(a.text().toLowerCase(Locale.ROOT));
                if (button.isEmpty()) return null;
                out.put("tool", "pressButton");
                out.put("button", button.get().wireName());
            }
            case "scroll" -> {
                out.put("tool", "swipe");
                out.put("direction", "up"); // Maestro's scroll moves the content down: the finger goes up
            }
            case "swipe" -> {
                String dir = arg instanceof YNode.Map sm && sm.get("direction") != null && sm.get("direction").value() instanceof YNode.Scalar d
                        ? d.text().toLowerCase(Locale.ROOT) : null;
                if (dir == null || !List.of("up", "down", "left", "right").contains(dir)) return null;
                out.put("tool", "swipe");
                out.put("direction", dir);
            }
            case "scrollUntilVisible" -> {
                YNode element = arg instanceof YNode.Map sm && sm.get("element") != null ? sm.get("element").value() : arg;
                out.put("tool", "scrollUntilVisible");
                if (!selector(element, out)) return null;
            }
            case "extendedWaitUntil" -> {
                if (!(arg instanceof YNode.Map wm)) return null;
                YNode.Entry visible = wm.get("visible");
                YNode.Entry notVisible = wm.get("notVisible");
                YNode.Entry which = visible != null ? visible : notVisible;
                if (which == null) return null;
                out.put("tool", visible != null ? "assertVisible" : "assertNotVisible");
                if (!selector(which.value(), out)) return null;
                YNode.Entry t = wm.get("timeout");
                if (t != null && t.value() instanceof YNode.Scalar ts && ts.asLong() != null) out.put("timeout", ts.text());
            }
            case "takeScreenshot" -> {
                out.put("tool", "screenshot");
                String name = arg instanceof YNode.Scalar a ? a.text()
                        : arg instanceof YNode.Map am && am.get("path") != null && am.get("path").value() instanceof YNode.Scalar p ? p.text() : "screen";
                out.put("name", quote(name));
            }
            case "openLink" -> {
                String url = arg instanceof YNode.Scalar a ? a.text()
                        : arg instanceof YNode.Map am && am.get("link") != null && am.get("link").value() instanceof YNode.Scalar l ? l.text() : null;
                if (url == null) return null;
                out.put("tool", "launchApp");
                out.put("url", quote(url));
            }
            case "waitForAnimationToEnd" -> {
                out.put("tool", "wait");
                out.put("ms", "500"); // a bounded pause: Tandem settles the screen after every action by itself
            }
            default -> {
                // a Tandem tool written Maestro's way: `- launchApp` is handled above; others keep their own name
                if (!isTool(command) || arg != null && !(arg instanceof YNode.Map)) return null;
                out.put("tool", command);
                if (arg instanceof YNode.Map am) for (YNode.Entry e : am.entries()) out.put(key(e.key()), YamlText.flow(e.value()));
            }
        }
        if (label != null) out.put("label", quote(label));
        return flowMap(out);
    }

    /** A Maestro element (a string is its text; a mapping of text, id, index) as Tandem selector keys. */
    private static boolean selector(YNode arg, Map<String, String> out) {
        if (arg instanceof YNode.Scalar a && a.kind() != YNode.Kind.NULL) {
            out.put("text", quote(a.text()));
            return true;
        }
        if (!(arg instanceof YNode.Map m)) return false;
        boolean any = false;
        for (YNode.Entry e : m.entries()) {
            if (!(e.value() instanceof YNode.Scalar v)) return false;
            switch (e.key()) {
                case "text", "id" -> {
                    out.put(e.key(), quote(v.text()));
                    any = true;
                }
                case "index" -> out.put("index", v.text());
                case "enabled", "checked", "focused", "selected" -> out.put(e.key(), v.text()); // element state (docs §5)
                case "label" -> out.put("label", quote(v.text()));
                default -> {
                    return false; // point, below, childOf...: no Tandem equivalent to show
                }
            }
        }
        return any;
    }

    static String quote(String s) {
        return YamlText.quote(s);
    }

    private static String key(String k) {
        return YamlText.key(k);
    }

    static String flowMap(Map<String, String> entries) {
        List<String> parts = new ArrayList<>();
        entries.forEach((k, v) -> parts.add(k + ": " + v));
        return "{" + String.join(", ", parts) + "}";
    }
}
