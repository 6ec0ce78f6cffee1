package dev.tandem.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds elements in a UI tree. {@code text} and {@code id} are {@link TextMatch}es: exact, or a
 * regular expression over the whole value when written {@code /like this/}; {@code role} matches exactly;
 * {@code index} picks the n-th match (0-based) in document order. Text also matches an empty
 * field's hint, as a user reading the screen would.
 */
public record Selector(String text, String id, String role, Integer index) {

    public static final List<String> KEYS = List.of("text", "id", "role", "index");

    public Selector {
        if (text == null && id == null && role == null) {
            throw new IllegalArgumentException("a selector needs text, id or role");
        }
        // a /regex/ that does not compile is refused here, with its reason (TextMatch.InvalidRegex)
        if (text != null) TextMatch.of(text);
        if (id != null) TextMatch.of(id);
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
        if (text == null && id == null && role == null) return Optional.empty();
        Integer index = src.hasNonNull("index") ? src.get("index").asInt() : null;
        return Optional.of(new Selector(text, id, role, index));
    }

    private static String textOf(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Checks a text or id pattern; returns the error sentence, or null when it is fine. */
    public static String patternError(String value) {
        return value == null ? null : TextMatch.error(value);
    }

    public boolean matches(UiNode node) {
        if (role != null && !role.equals(node.role())) return false;
        if (id != null && !valueMatches(id, node.id())) return false;
        if (text != null) {
            boolean byText = valueMatches(text, node.text());
            boolean byHint = (node.text() == null || node.text().isEmpty()) && valueMatches(text, node.hint());
            if (!byText && !byHint) return false;
        }
        return true;
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
        if (id != null) sb.append("id: \"").append(id).append("\", ");
        if (role != null) sb.append("role: ").append(role).append(", ");
        if (index != null) sb.append("index: ").append(index).append(", ");
        sb.setLength(sb.length() - 2);
        return sb.append('}').toString();
    }
}
