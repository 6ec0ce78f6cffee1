package dev.tandem.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small JSON Schema builders for the tools that are not rows of the tool table. */
final class Schemas {
    private Schemas() {}

    static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        o.put("properties", new TreeMap<>(properties));
        if (required.length > 0) o.put("required", List.of(required));
        o.put("additionalProperties", false);
        return o;
    }

    static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> integer(long min, String description) {
        return Map.of("type", "integer", "minimum", min, "description", description);
    }

    static Map<String, Object> stringArray(String description) {
        return Map.of("type", "array", "items", Map.of("type", "string"), "description", description);
    }

    static Map<String, Object> stringMap(String description) {
        return Map.of("type", "object", "additionalProperties", Map.of("type", "string"), "description", description);
    }
}
