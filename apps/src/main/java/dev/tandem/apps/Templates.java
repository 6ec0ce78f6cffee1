package dev.tandem.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text templates in action values: {@code ${field:ID}} (an element's current text),
 * {@code ${user}} (this device's chat user), {@code ${message.from}} and {@code ${message.text}}
 * (in {@code onMessage}), and {@code ${i}} (the index inside a {@code repeat}, replaced at load time).
 */
public final class Templates {
    private static final Pattern REF = Pattern.compile("\\$\\{([^}]*)}");
    public static final String FIELD_PREFIX = "field:";
    public static final Set<String> MESSAGE_NAMES = Set.of("message.from", "message.text");

    private Templates() {}

    /** The names referenced by a value, in order ({@code field:email}, {@code user}…). */
    public static List<String> names(String value) {
        List<String> out = new ArrayList<>();
        if (value == null || !value.contains("${")) return out;
        Matcher m = REF.matcher(value);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /**
     * Why a template name is not allowed here, or null when it is.
     *
     * @param ids the app's element ids (targets of {@code field:})
     * @param inOnMessage whether the value belongs to the app's {@code onMessage} list
     */
    public static String problem(String name, Set<String> ids, boolean inOnMessage) {
        if (name.startsWith(FIELD_PREFIX)) {
            String id = name.substring(FIELD_PREFIX.length());
            return ids.contains(id) ? null : "${" + name + "} names no element of this app (no element has id '" + id + "')";
        }
        if (name.equals("user")) return null;
        if (MESSAGE_NAMES.contains(name)) {
            return inOnMessage ? null : "${" + name + "} is only defined in onMessage actions";
        }
        if (name.equals("i")) return "${i} is only defined inside an element with 'repeat'";
        return "unknown template ${" + name + "}; use ${field:ID}, ${user}, ${message.from}, ${message.text} or ${i}";
    }

    /** Replaces each {@code ${name}} by {@code resolve(name)}; a null resolution leaves the text as written. */
    public static String expand(String value, UnaryOperator<String> resolve) {
        if (value == null || !value.contains("${")) return value;
        Matcher m = REF.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = resolve.apply(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
