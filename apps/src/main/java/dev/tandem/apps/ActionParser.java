package dev.tandem.apps;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one action written as a single-key mapping ({@code navigate: home}) or the bare word {@code back}. */
final class ActionParser {
    static final List<String> NAMES = List.of("navigate", "back", "setText", "toggle", "select", "show", "hide",
            "require", "clear", "sendMessage", "appendMessage", "notify");

    private ActionParser() {}

    static Action parse(Object raw, String path, boolean onMessage, Problems problems) {
        if ("back".equals(raw)) return new Action.Back();
        if (!(raw instanceof Map<?, ?> map) || map.size() != 1) {
            problems.add(path, "expected one action written as a single-key mapping, e.g. '- navigate: home' or "
                    + "'- setText: {target: ID, text: TEXT}', found " + Fields.describe(raw) + "; actions are "
                    + String.join(", ", NAMES));
            return null;
        }
        Map.Entry<?, ?> e = map.entrySet().iterator().next();
        String name = String.valueOf(e.getKey());
        Object value = e.getValue();
        String p = path + "." + name;
        return switch (name) {
            case "navigate" -> id(value, p, problems, "a screen name") instanceof String s ? new Action.Navigate(s) : null;
            case "back" -> new Action.Back();
            case "toggle" -> id(value, p, problems, "an element id") instanceof String s ? new Action.Toggle(s) : null;
            case "select" -> id(value, p, problems, "an element id") instanceof String s ? new Action.Select(s) : null;
            case "show" -> id(value, p, problems, "an element id") instanceof String s ? new Action.Show(s) : null;
            case "hide" -> id(value, p, problems, "an element id") instanceof String s ? new Action.Hide(s) : null;
            case "clear" -> id(value, p, problems, "an element id") instanceof String s ? new Action.Clear(s) : null;
            case "appendMessage" -> {
                if (!onMessage) {
                    problems.add(p, "appendMessage adds a received message, so it belongs in the app's onMessage list");
                    yield null;
                }
                yield id(value, p, problems, "a list id") instanceof String s ? new Action.AppendMessage(s) : null;
            }
            case "setText" -> {
                Fields f = fields(value, p, problems, Set.of("target", "text"), "{target: ID, text: TEXT}");
                if (f == null) yield null;
                String target = f.required("target");
                String text = f.string("text");
                if (!f.has("text")) problems.add(f.at("text"), "missing required key 'text' (use \"\" to empty the element)");
                yield target == null ? null : new Action.SetText(target, text == null ? "" : text);
            }
            case "require" -> require(value, p, problems);
            case "sendMessage" -> {
                Fields f = fields(value, p, problems, Set.of("from", "text", "appendTo"), "{from: FIELD_ID} or {text: TEXT}");
                if (f == null) yield null;
                String from = f.string("from");
                String text = f.string("text");
                if ((from == null) == (text == null)) {
                    problems.add(p, "give exactly one of 'from' (a textfield id whose text is sent) or 'text' (a literal message)");
                    yield null;
                }
                yield new Action.SendMessage(from, text, f.string("appendTo"));
            }
            case "notify" -> {
                Fields f = fields(value, p, problems, Set.of("title", "body"), "{title: TEXT, body: TEXT}");
                if (f == null) yield null;
                String title = f.required("title");
                String body = f.required("body");
                yield title == null || body == null ? null : new Action.Notify(title, body);
            }
            default -> {
                problems.add(p, "unknown action '" + name + "'" + Problems.suggest(name, NAMES)
                        + "; actions are " + String.join(", ", NAMES));
                yield null;
            }
        };
    }

    private static Action require(Object value, String p, Problems problems) {
        Fields f = fields(value, p, problems, Set.of("field", "pattern", "error"),
                "{field: ID, pattern: REGEX, error: {target: ID, text: TEXT}}");
        if (f == null) return null;
        String field = f.required("field");
        String pattern = f.required("pattern");
        String target = null;
        String text = null;
        Map<?, ?> error = f.mapping("error");
        if (error != null) {
            Fields ef = new Fields(error, f.at("error"), problems, Set.of("target", "text"));
            target = ef.required("target");
            text = ef.required("text");
        }
        return field == null || pattern == null ? null : new Action.Require(field, pattern, target, text);
    }

    private static Fields fields(Object value, String p, Problems problems, Set<String> keys, String shape) {
        if (value instanceof Map<?, ?> m) return new Fields(m, p, problems, keys);
        problems.add(p, "expected " + shape + ", found " + (value == null ? "nothing" : Fields.describe(value)));
        return null;
    }

    private static String id(Object value, String p, Problems problems, String what) {
        if (value instanceof String s && !s.isBlank()) return s;
        if (value instanceof Number n) return n.toString();
        problems.add(p, "expected " + what + ", found " + (value == null ? "nothing" : Fields.describe(value)));
        return null;
    }
}
