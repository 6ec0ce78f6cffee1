package dev.tandem.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text to and from Jackson trees without an {@link com.fasterxml.jackson.databind.ObjectMapper}
 * or a jackson-core parser, for the few calls on a fresh CLI JVM's critical path (finding the
 * daemon, one-shot commands). Measured on a fresh JVM here: constructing the ObjectMapper costs
 * ~70 ms (its date formats load the locale providers), binding the first record ~40 ms, and
 * jackson-core's first parser ~18 ms; this reads daemon.json in well under 1 ms. Trees come out as
 * {@link Json#MAPPER}'s {@code readTree} builds them (int/long/BigInteger, double), and
 * {@link #pretty} writes what {@link Json#pretty} writes, so a caller may use either.
 */
public final class LeanJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HEX = "0123456789ABCDEF";
    /** Deeper input is refused rather than risking the stack (Jackson's own default bound is 1000). */
    static final int MAX_DEPTH = 500;

    private final String s;
    private int i;

    private LeanJson(String s) {
        this.s = s;
    }

    /** Parses one JSON value; anything else (trailing text, bad syntax, too deep) is an IllegalArgumentException. */
    public static JsonNode parse(String text) {
        LeanJson p = new LeanJson(text);
        JsonNode v = p.value(0);
        p.skipSpace();
        if (p.i != text.length()) throw p.error("text after the JSON value");
        return v;
    }

    /** The compact form, as {@link Json#text} writes a tree. */
    public static String text(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(b, node, -1);
        return b.toString();
    }

    /** Jackson's default pretty form (two-space indent, {@code "key" : value}, arrays on one line). */
    public static String pretty(JsonNode node) {
        StringBuilder b = new StringBuilder();
        write(b, node, 0);
        return b.toString();
    }

    private JsonNode value(int depth) {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
        skipSpace();
        if (i >= s.length()) throw error("a value expected");
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> NODES.textNode(string());
            case 't' -> literal("true", NODES.booleanNode(true));
            case 'f' -> literal("false", NODES.booleanNode(false));
            case 'n' -> literal("null", NODES.nullNode());
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected '" + c + "'");
            }
        };
    }

    private ObjectNode object(int depth) {
        ObjectNode o = NODES.objectNode();
        i++;
        skipSpace();
        if (peek() == '}') {
            i++;
            return o;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') throw error("a field name expected");
            String name = string();
            skipSpace();
            expect(':');
            o.set(name, value(depth + 1));
            skipSpace();
            char c = next();
            if (c == '}') return o;
            if (c != ',') throw error("',' or '}' expected");
        }
    }

    private ArrayNode array(int depth) {
        ArrayNode a = NODES.arrayNode();
        i++;
        skipSpace();
        if (peek() == ']') {
            i++;
            return a;
        }
        while (true) {
            a.add(value(depth + 1));
            skipSpace();
            char c = next();
            if (c == ']') return a;
            if (c != ',') throw error("',' or ']' expected");
        }
    }

    private String string() {
        i++; // the opening quote
        StringBuilder b = null;
        int start = i;
        while (true) {
            if (i >= s.length()) throw error("unterminated string");
            char c = s.charAt(i);
            if (c == '"') {
                String tail = s.substring(start, i++);
                return b == null ? tail : b.append(tail).toString();
            }
            if (c < 0x20) throw error("control character in a string");
            if (c != '\\') {
                i++;
                continue;
            }
            if (b == null) b = new StringBuilder();
            b.append(s, start, i);
            i++;
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw error("short \\u escape");
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                }
                default -> throw error("bad escape '\\" + e + "'");
            }
            start = i;
        }
    }

    private JsonNode number() {
        int start = i;
        if (peek() == '-') i++;
        if (peek() == '0') i++;
        else if (!digits()) throw error("a digit expected");
        boolean fraction = false;
        if (peek() == '.') {
            i++;
            if (!digits()) throw error("a digit expected after '.'");
            fraction = true;
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') i++;
            if (!digits()) throw error("a digit expected in the exponent");
            fraction = true;
        }
        String n = s.substring(start, i);
        if (fraction) return NODES.numberNode(Double.parseDouble(n));
        BigInteger big = new BigInteger(n);
        if (big.bitLength() < 32) return NODES.numberNode(big.intValue());
        if (big.bitLength() < 64) return NODES.numberNode(big.longValue());
        return NODES.numberNode(big);
    }

    private boolean digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i > start;
    }

    private JsonNode literal(String word, JsonNode node) {
        if (!s.startsWith(word, i)) throw error("unexpected '" + s.charAt(i) + "'");
        i += word.length();
        return node;
    }

    private void skipSpace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            i++;
        }
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private char next() {
        if (i >= s.length()) throw error("unexpected end");
        return s.charAt(i++);
    }

    private void expect(char c) {
        if (next() != c) throw error("'" + c + "' expected");
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not JSON: " + what + " at offset " + i);
    }

    /** {@code indent < 0}: compact. */
    private static void write(StringBuilder b, JsonNode n, int indent) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                if (n.isEmpty()) {
                    b.append(indent < 0 ? "{}" : "{ }");
                    return;
                }
                b.append('{');
                Iterator<Map.Entry<String, JsonNode>> fields = n.properties().iterator();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    if (indent >= 0) newline(b, indent + 1);
                    quote(b, f.getKey());
                    b.append(indent < 0 ? ":" : " : ");
                    write(b, f.getValue(), indent < 0 ? -1 : indent + 1);
                    if (fields.hasNext()) b.append(',');
                }
                if (indent >= 0) newline(b, indent);
                b.append('}');
            }
            case ARRAY -> {
                if (n.isEmpty()) {
                    b.append(indent < 0 ? "[]" : "[ ]");
                    return;
                }
                b.append(indent < 0 ? "[" : "[ ");
                for (int k = 0; k < n.size(); k++) {
                    if (k > 0) b.append(indent < 0 ? "," : ", ");
                    write(b, n.get(k), indent);
                }
                b.append(indent < 0 ? "]" : " ]");
            }
            case STRING -> quote(b, n.textValue());
            case NUMBER -> b.append(n.isBigDecimal() ? ((BigDecimal) n.numberValue()).toString() : n.numberValue().toString());
            case BOOLEAN -> b.append(n.booleanValue());
            case NULL, MISSING -> b.append("null");
            case BINARY, POJO -> throw new IllegalArgumentException("not a plain JSON tree: " + n.getNodeType());
        }
    }

    private static void newline(StringBuilder b, int indent) {
        b.append(System.lineSeparator());
        for (int k = 0; k < indent; k++) b.append("  ");
    }

    private static void quote(StringBuilder b, String v) {
        b.append('"');
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) b.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
