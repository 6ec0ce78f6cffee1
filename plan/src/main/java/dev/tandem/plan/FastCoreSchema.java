package dev.tandem.plan;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML 1.2 core schema's scalar types (null, bool, int, float, else string), resolved by hand.
 * The parser's own resolver runs regular expressions on every plain scalar, and its matchers were
 * the largest allocation when composing a 10,000-step plan. Plans are only composed, never
 * constructed, so no constructors are needed. A test checks it against the core schema.
 */
final class FastCoreSchema implements Schema, ScalarResolver {

    @Override
    public ScalarResolver getScalarResolver() {
        return this;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return Map.of();
    }

    @Override
    public Tag resolve(String value, Boolean implicit) {
        if (!implicit) return Tag.STR;
        switch (value) {
            case "", "~", "null", "Null", "NULL" -> {
                return Tag.NULL;
            }
            case "true", "True", "TRUE", "false", "False", "FALSE" -> {
                return Tag.BOOL;
            }
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN" -> {
                return Tag.FLOAT;
            }
            default -> {}
        }
        char c = value.charAt(0);
        if (c != '-' && c != '+' && c != '.' && (c < '0' || c > '9')) return Tag.STR;
        if (isInt(value)) return Tag.INT;
        if (isFloat(value)) return Tag.FLOAT;
        return Tag.STR;
    }

    /** {@code [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+} */
    static boolean isInt(String s) {
        if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'o' || s.charAt(1) == 'x')) {
            boolean hex = s.charAt(1) == 'x';
            for (int i = 2; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean ok = hex ? Character.digit(c, 16) >= 0 && c < 128 : c >= '0' && c <= '7';
                if (!ok) return false;
            }
            return true;
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        return digits(s, i) == s.length() && i < s.length();
    }

    /** {@code [-+]?(\.[0-9]+ | [0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}; inf and nan are handled above. */
    static boolean isFloat(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        int n = s.length();
        int intEnd = digits(s, i);
        if (intEnd > i) {
            i = intEnd;
            if (i < n && s.charAt(i) == '.') i = digits(s, i + 1);
        } else {
            if (i >= n || s.charAt(i) != '.') return false;
            int fracEnd = digits(s, i + 1);
            if (fracEnd == i + 1) return false;
            i = fracEnd;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
            int expEnd = digits(s, i);
            if (expEnd == i) return false;
            i = expEnd;
        }
        return i == n;
    }

    /** The index after the run of ASCII digits starting at {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i;
    }
}
