package dev.tandem.plan;

import java.util.ArrayList;
import java.util.List;

/** YAML text for what the plan module prints back (converted and explained plans): flow style, strings double-quoted. */
final class YamlText {
    private YamlText() {}

    /** A string as a double-quoted YAML scalar: JSON's string form is one (its escapes are YAML's). */
    static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    /** A mapping key: plain when it is a word, quoted otherwise. */
    static String key(String k) {
        return !k.isEmpty() && k.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-') ? k : quote(k);
    }

    /** A value in flow style, keeping its type: strings quoted, numbers, booleans and null as written. */
    static String flow(YNode n) {
        return switch (n) {
            case YNode.Scalar s -> s.kind() == YNode.Kind.STR ? quote(s.text()) : s.kind() == YNode.Kind.NULL ? "null" : s.text();
            case YNode.Seq q -> {
                List<String> items = new ArrayList<>();
                for (YNode i : q.items()) items.add(flow(i));
                yield "[" + String.join(", ", items) + "]";
            }
            case YNode.Map m -> {
                List<String> items = new ArrayList<>();
                for (YNode.Entry e : m.entries()) items.add(key(e.key()) + ": " + flow(e.value()));
                yield "{" + String.join(", ", items) + "}";
            }
        };
    }
}
