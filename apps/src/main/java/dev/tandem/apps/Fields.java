package dev.tandem.apps;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one YAML mapping (already loaded as plain maps), reporting wrong types and
 * unknown keys with their path instead of throwing, so a whole file is checked in one go.
 */
final class Fields {
    private final Map<?, ?> map;
    private final String path;
    private final Problems problems;

    Fields(Map<?, ?> map, String path, Problems problems, Set<String> allowed) {
        this.map = map;
        this.path = path;
        this.problems = problems;
        for (Object key : map.keySet()) {
            String k = String.valueOf(key);
            if (!allowed.contains(k)) {
                problems.add(at(k), "unknown key '" + k + "'" + Problems.suggest(k, allowed)
                        + "; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    Object raw(String key) {
        return map.get(key);
    }

    /** A scalar as text (numbers and booleans are written as they read); null when absent. */
    String string(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof String s) return s;
        if (v instanceof Number || v instanceof Boolean) return String.valueOf(v);
        problems.add(at(key), "expected a text value, found " + describe(v));
        return null;
    }

    String required(String key) {
        String v = string(key);
        if (v == null && map.get(key) == null) {
            problems.add(at(key), "missing required key '" + key + "'");
        } else if (v != null && v.isBlank()) {
            problems.add(at(key), "'" + key + "' must not be empty");
            return null;
        }
        return v;
    }

    boolean bool(String key, boolean fallback) {
        Object v = map.get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        problems.add(at(key), "expected true or false, found " + describe(v));
        return fallback;
    }

    Boolean optionalBool(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        return bool(key, false);
    }

    Integer integer(String key, int min, int max) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof Integer || v instanceof Long) {
            long n = ((Number) v).longValue();
            if (n >= min && n <= max) return (int) n;
            problems.add(at(key), "must be between " + min + " and " + max + ", found " + n);
            return null;
        }
        problems.add(at(key), "expected a whole number, found " + describe(v));
        return null;
    }

    List<?> list(String key) {
        Object v = map.get(key);
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l;
        problems.add(at(key), "expected a list, found " + describe(v));
        return List.of();
    }

    Map<?, ?> mapping(String key) {
        Object v = map.get(key);
        if (v == null) return null;
        if (v instanceof Map<?, ?> m) return m;
        problems.add(at(key), "expected a mapping (key: value lines), found " + describe(v));
        return null;
    }

    static String describe(Object v) {
        if (v instanceof Map) return "a mapping";
        if (v instanceof List) return "a list";
        if (v instanceof String s) return "'" + s + "'";
        return String.valueOf(v);
    }
}
