package dev.tandem.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tool call's arguments as JSON, with typed reads whose mistakes are BAD_PARAMS naming the key. */
record CallArgs(String tool, ObjectNode json) {

    static CallArgs of(String tool, Map<String, Object> arguments) {
        ObjectNode o = arguments == null ? Json.object() : Json.MAPPER.valueToTree(arguments);
        return new CallArgs(tool, o);
    }

    String string(String key) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw bad("`" + key + "` must be a string");
        return v.asText();
    }

    String requiredString(String key, String what) {
        String v = string(key);
        if (v == null || v.isBlank()) throw bad("needs `" + key + "`: " + what);
        return v;
    }

    Long number(String key, long min) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min) {
            throw bad("`" + key + "` must be an integer of " + min + " or more, got " + v);
        }
        return v.asLong();
    }

    List<String> strings(String key) {
        JsonNode v = json.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isTextual()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) throw bad("`" + key + "` must be a list of strings");
        for (JsonNode e : v) {
            if (!e.isTextual()) throw bad("`" + key + "` must be a list of strings, got " + e);
            out.add(e.asText());
        }
        return out;
    }

    TandemException bad(String message) {
        return new TandemException(ErrorCode.BAD_PARAMS, tool + " " + message);
    }
}
