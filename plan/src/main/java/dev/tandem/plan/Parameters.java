package dev.tandem.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code ${NAME}} and {@code ${NAME:-default}} in string values, looked up in a {@link Scope}.
 * {@code $${} writes a literal {@code ${}. Every value taken from outside the plan files
 * ({@code -e}, the environment) is remembered, so outputs can mask it.
 */
final class Parameters {
    private Parameters() {}

    /**
     * Where a name's value comes from, first match wins. For the plan itself: {@code -e}, then its
     * {@code env:}, then the environment. Inside a sub-flow: the including step's {@code env:}
     * (innermost include first), then {@code -e}, then the {@code env:} maps of the plan and the
     * flows on the way down (the caller's defaults beat the callee's), then the environment.
     */
    static final class Scope {
        private record Layer(Map<String, String> values, boolean outside) {}

        private final List<Layer> layers;
        private final Set<String> used;

        private Scope(List<Layer> layers, Set<String> used) {
            this.layers = layers;
            this.used = used;
        }

        /** The top plan's scope; {@code used} collects the outside values a lookup returns. */
        static Scope root(Map<String, String> given, Map<String, String> planEnv, Map<String, String> environment, Set<String> used) {
            return new Scope(List.of(new Layer(given, true), new Layer(planEnv, false), new Layer(environment, true)), used);
        }

        /** The scope of values the plan's own {@code env:} may use: {@code -e} and the environment. */
        static Scope outside(Map<String, String> given, Map<String, String> environment, Set<String> used) {
            return new Scope(List.of(new Layer(given, true), new Layer(environment, true)), used);
        }

        /** A sub-flow's scope: {@code bound} from its runFlow step, {@code defaults} from its own file. */
        Scope include(Map<String, String> bound, Map<String, String> defaults) {
            List<Layer> out = new ArrayList<>(layers.size() + 2);
            out.add(new Layer(bound, false));
            out.addAll(layers.subList(0, layers.size() - 1));
            out.add(new Layer(defaults, false));
            out.add(layers.getLast());
            return new Scope(List.copyOf(out), used);
        }

        /** The value of {@code name}, or null when no layer defines it. */
        String lookup(String name) {
            for (Layer l : layers) {
                String v = l.values.get(name);
                if (v != null) {
                    if (l.outside) used.add(v);
                    return v;
                }
            }
            return null;
        }
    }

    /** Whether {@code text} may hold a parameter at all (the cheap test before parsing). */
    static boolean mayHold(String text) {
        return text.indexOf('$') >= 0;
    }

    /** {@code text} with every parameter filled in; null (with the problems recorded) when one cannot be. */
    static String fill(String text, SourcePos pos, Scope scope, Problems problems) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean ok = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (c != '$' || !text.startsWith("${", i)) {
                out.append(c);
                i++;
                continue;
            }
            int close = text.indexOf('}', i + 2);
            if (close < 0) {
                problems.add(FlowMessages.paramUnclosed(pos, text));
                return null;
            }
            String inner = text.substring(i + 2, close);
            int dash = inner.indexOf(":-");
            String name = dash >= 0 ? inner.substring(0, dash) : inner;
            if (!isName(name)) {
                problems.add(FlowMessages.paramBadName(pos, inner));
                ok = false;
            } else {
                String v = scope.lookup(name);
                if ((v == null || v.isEmpty()) && dash >= 0) v = inner.substring(dash + 2);
                if (v == null) {
                    problems.add(FlowMessages.paramUndefined(pos, name));
                    ok = false;
                } else {
                    out.append(v);
                }
            }
            i = close + 1;
        }
        return ok ? out.toString() : null;
    }

    /** Whether {@code text} is exactly one parameter, {@code ${NAME}} or {@code ${NAME:-default}}. */
    static boolean whole(String text) {
        return text.startsWith("${") && text.indexOf('}') == text.length() - 1;
    }

    /** A parameter name: a letter or '_', then letters, digits, '_'. */
    static boolean isName(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) return false;
        }
        return true;
    }

    /**
     * An {@code env:} mapping read into names and values, each value filled in with {@code scope}
     * (the including scope: a value may be built from another parameter). Problems are recorded.
     */
    static Map<String, String> env(YNode value, Scope scope, UnaryOperator<SourcePos> at, Problems problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof YNode.Scalar s && s.kind() == YNode.Kind.NULL) return out;
        if (!(value instanceof YNode.Map m)) {
            problems.add(Messages.wrongType(at.apply(value.pos()), "env", "a mapping of names to strings", value.describe(),
                    "{USER_EMAIL: alice@example.com}"));
            return out;
        }
        for (YNode.Entry e : m.entries()) {
            if (!isName(e.key())) {
                problems.add(FlowMessages.envBadName(at.apply(e.keyPos()), e.key()));
                continue;
            }
            if (!(e.value() instanceof YNode.Scalar s) || s.kind() == YNode.Kind.NULL) {
                problems.add(Messages.wrongType(at.apply(e.value().pos()), e.key(), "a string", e.value().describe(), "\"a value\""));
                continue;
            }
            String v = mayHold(s.text()) ? fill(s.text(), at.apply(s.pos()), scope, problems) : s.text();
            if (v != null) out.put(e.key(), v);
        }
        return out;
    }
}
