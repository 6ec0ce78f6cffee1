package dev.tandem.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds elements in a UI tree. {@code text} and {@code id} are {@link TextMatch}es: exact, or a
 * regular expression over the whole value when written {@code /like this/}; {@code textContains}
 * is a plain substring of the text; {@code role} matches exactly; the states ({@code enabled},
 * {@code checked}, {@code focused}, {@code selected}) must equal the element's when given;
 * {@code index} picks the n-th match (0-based) in document order. Text (and textContains) also
 * match an empty field's hint, as a user reading the screen would.
 *
 * <p>{@code checked: false} matches an element that is not checked, a non-checkable one included
 * (as a user sees it: no tick).
 */
public record Selector(String text, String id, String role, Integer index, String textContains,
        Boolean enabled, Boolean checked, Boolean focused, Boolean selected) {

    /** Keys that say which element: a selector needs one of them. */
    public static final List<String> IDENTITY_KEYS = List.of("text", "textContains", "id", "role");
    /** Keys that narrow the match by the element's state. */
    public static final List<String> STATE_KEYS = List.of("enabled", "checked", "focused", "selected");
    /** Every selector key, in the order the docs list them. */
    public static final List<String> KEYS = List.of("text", "textContains", "id", "role", "index", "enabled", "checked", "focused",
            "selected");

    public Selector {
        if (text == null && id == null && role == null && textContains == null) {
            throw new IllegalArgumentException("a selector needs text, textContains, id or role");
        }
        // a /regex/ that does not compile is refused here, with its reason (TextMatch.InvalidRegex)
        if (text != null) TextMatch.of(text);
        if (id != null) TextMatch.of(id);
    }

    public Selector(String text, String id, String role, Integer index) {
        this(text, id, role, index, null, null, null, null, null);
    }

    /**
     * The selector of a step's params: a {@code selector} object, or the selector keys written
     * directly among the params (as the seed plans do). Empty when neither is present.
     */
    public static Optional<Selector> fromParams(JsonNode params) {
        if (params == null) return Optional.empty();
        JsonNode src = params.has("selector") ? params.get("selector") : params;
        if (src.isTextual()) return Optional.of(new Selector(src.asText(), null, null, null));
        String text = textOf(src, "text");
        String id = textOf(src, "id");
        String role = textOf(src, "role");
        String contains = textOf(src, "textContains");
        if (text == null && id == null && role == null && contains == null) return Optional.empty();
        Integer index = src.hasNonNull("index") ? src.get("index").asInt() : null;
        return Optional.of(new Selector(text, id, role, index, contains, bool(src, "enabled"), bool(src, "checked"),
                bool(src, "focused"), bool(src, "selected")));
    }

    private static String textOf(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Boolean bool(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isBoolean() ? null : v.booleanValue();
    }

    /** Checks a text or id pattern; returns the error sentence, or null when it is fine. */
    public static String patternError(String value) {
        return value == null ? null : TextMatch.error(value);
    }

    public boolean matches(UiNode node) {
        return matchesIdentity(node) && stateDifference(node) == null;
    }

    /** Whether the element is the one meant (text, textContains, id, role), whatever its state. */
    public boolean matchesIdentity(UiNode node) {
        if (role != null && !role.equals(node.role())) return false;
        if (id != null && !valueMatches(id, node.id())) return false;
        boolean noText = node.text() == null || node.text().isEmpty();
        if (text != null) {
            boolean byText = valueMatches(text, node.text());
            boolean byHint = noText && valueMatches(text, node.hint());
            if (!byText && !byHint) return false;
        }
        if (textContains != null) {
            String shown = noText ? node.hint() : node.text();
            if (shown == null || !shown.contains(textContains)) return false;
        }
        return true;
    }

    /**
     * How the element's state differs from the one asked for, as a user would say it ("it is
     * enabled", "it is not checked"), or null when every state given matches.
     */
    public String stateDifference(UiNode node) {
        if (enabled != null && enabled != node.enabled()) return node.enabled() ? "it is enabled" : "it is disabled";
        boolean isChecked = Boolean.TRUE.equals(node.checked());
        if (checked != null && checked != isChecked) return isChecked ? "it is checked" : node.checked() == null
                ? "it is not checkable" : "it is not checked";
        if (focused != null && focused != node.focused()) return node.focused() ? "it is focused" : "it is not focused";
        if (selected != null && selected != node.selected()) return node.selected() ? "it is selected" : "it is not selected";
        return null;
    }

    /** Whether the selector asks for any state. */
    public boolean hasState() {
        return enabled != null || checked != null || focused != null || selected != null;
    }

    private static boolean valueMatches(String expected, String actual) {
        return actual != null && TextMatch.of(expected).matches(actual);
    }

    /** All matches in document order, narrowed to the {@code index}-th when one is given. */
    public List<UiNode> select(List<UiNode> elements) {
        List<UiNode> found = new ArrayList<>();
        for (UiNode n : elements) if (matches(n)) found.add(n);
        if (index == null) return found;
        return index >= 0 && index < found.size() ? List.of(found.get(index)) : List.of();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        if (text != null) sb.append("text: \"").append(text).append("\", ");
        if (textContains != null) sb.append("textContains: \"").append(textContains).append("\", ");
        if (id != null) sb.append("id: \"").append(id).append("\", ");
        if (role != null) sb.append("role: ").append(role).append(", ");
        if (index != null) sb.append("index: ").append(index).append(", ");
        if (enabled != null) sb.append("enabled: ").append(enabled).append(", ");
        if (checked != null) sb.append("checked: ").append(checked).append(", ");
        if (focused != null) sb.append("focused: ").append(focused).append(", ");
        if (selected != null) sb.append("selected: ").append(selected).append(", ");
        sb.setLength(sb.length() - 2);
        return sb.append('}').toString();
    }
}
