package dev.tandem.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Strings that must never reach an output (results, reports, logs): tokens, secret parameters.
 * {@link #mask} replaces each occurrence with {@value #MASK}; values shorter than
 * {@value #MIN_LENGTH} characters are ignored, since masking them would garble ordinary text.
 */
public final class Secrets {
    public static final String MASK = "***";
    static final int MIN_LENGTH = 4;
    public static final Secrets NONE = new Secrets(List.of());

    /** Longest first, so a secret containing another is masked whole. */
    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    public static Secrets of(Collection<String> values) {
        return new Secrets(values.stream().filter(Objects::nonNull).filter(v -> v.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /** These secrets and {@code more}. */
    public Secrets and(Collection<String> more) {
        return of(java.util.stream.Stream.concat(values.stream(), more.stream()).toList());
    }

    /** These secrets and {@code more}'s. */
    public Secrets and(Secrets more) {
        return more.values.isEmpty() ? this : values.isEmpty() ? more : and(more.values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String mask(String text) {
        if (text == null || values.isEmpty()) return text;
        String out = text;
        for (String v : values) if (out.contains(v)) out = out.replace(v, MASK);
        return out;
    }

    /** A copy of {@code value} with every string in it masked (through its JSON form: any record). */
    public <T> T mask(T value, Class<T> type) {
        if (value == null || values.isEmpty()) return value;
        return Json.convert(mask(Json.toTree(value)), type);
    }

    /**
     * {@code value} as JSON with every string in it masked: encoded once, and only when a secret
     * shows in that text (raw or JSON-escaped: escaping maps each character on its own, so a string
     * holding a secret holds its escaped form in the text) is it masked through its tree. Each event
     * of a run goes through here, and no secret is in almost all of them.
     */
    public byte[] maskedJson(Object value) {
        byte[] json = Json.bytes(value);
        if (values.isEmpty()) return json;
        String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        for (String v : values) {
            if (text.contains(v) || text.contains(escaped(v))) {
                return Json.text(mask(Json.toTree(value))).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return json;
    }

    private static String escaped(String v) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(v));
    }

    /** A copy of a JSON tree with every text value and field name masked. */
    public JsonNode mask(JsonNode node) {
        if (values.isEmpty() || node == null) return node;
        if (node.isTextual()) return TextNode.valueOf(mask(node.asText()));
        if (node.isArray()) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            node.forEach(e -> a.add(mask(e)));
            return a;
        }
        if (node.isObject()) {
            ObjectNode o = Json.object();
            for (Map.Entry<String, JsonNode> e : node.properties()) o.set(mask(e.getKey()), mask(e.getValue()));
            return o;
        }
        return node;
    }
}
