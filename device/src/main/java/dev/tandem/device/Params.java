package dev.tandem.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;

/** Typed reads of a command's params with BAD_PARAMS errors that name the key. */
final class Params {
    private Params() {}

    static String string(JsonNode params, String key) {
        JsonNode v = params == null ? null : params.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String requireString(JsonNode params, String key, String tool) {
        String v = string(params, key);
        if (v == null) throw new TandemException(ErrorCode.BAD_PARAMS, tool + " needs '" + key + "'");
        return v;
    }

    static long longOr(JsonNode params, String key, long fallback) {
        JsonNode v = params == null ? null : params.get(key);
        return v == null || v.isNull() ? fallback : v.asLong(fallback);
    }

    static boolean bool(JsonNode params, String key) {
        JsonNode v = params == null ? null : params.get(key);
        return v != null && v.asBoolean(false);
    }
}
