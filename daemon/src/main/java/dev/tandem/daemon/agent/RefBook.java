package dev.tandem.daemon.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The latest snapshot each scope (a lease, or the one-shot scope {@code cli}) took of each device:
 * a ref ({@code e3} or {@code @e3}) names an element of it, and becomes a selector that picks
 * exactly that element on the screen the snapshot saw (role, id, text, and its index among equal
 * matches). A ref the latest snapshot lacks is STALE_REF.
 */
public final class RefBook {
    public static final String CLI_SCOPE = "cli";

    private record Taken(Snapshot snapshot, long atMillis) {}

    /** A resolved ref: the element and the selector params that find it. */
    public record Resolved(String ref, UiNode element, ObjectNode selector) {}

    private final Map<String, Map<String, Taken>> latest = new ConcurrentHashMap<>();
    private final LongSupplier millis;

    public RefBook() {
        this(System::currentTimeMillis);
    }

    RefBook(LongSupplier millis) {
        this.millis = millis;
    }

    public void record(String scope, String device, Snapshot snapshot) {
        latest.computeIfAbsent(scope, k -> new ConcurrentHashMap<>()).put(device, new Taken(snapshot, millis.getAsLong()));
    }

    /** A scope's snapshots go with it (its lease ended). */
    public void forget(String scope) {
        latest.remove(scope);
    }

    public Resolved resolve(String scope, String device, String ref) {
        String name = ref.startsWith("@") ? ref.substring(1) : ref;
        Taken taken = latest.getOrDefault(scope, Map.of()).get(device);
        if (taken == null) {
            throw new TandemException(ErrorCode.STALE_REF, "take a snapshot of " + device + " first: `@" + name
                    + "` names an element of your latest snapshot, and you have none of " + device + " yet");
        }
        List<UiNode> elements = taken.snapshot().elements();
        UiNode node = elements.stream().filter(n -> name.equals(n.ref())).findFirst().orElse(null);
        if (node == null) {
            throw new TandemException(ErrorCode.STALE_REF, "take a new snapshot: `@" + name + "` is not in your latest snapshot of "
                    + device + " (" + elements.size() + " elements, taken " + age(taken) + " ago)");
        }
        return new Resolved(name, node, selectorFor(node, elements));
    }

    /** Selector params that pick exactly {@code node} among {@code elements}. */
    static ObjectNode selectorFor(UiNode node, List<UiNode> elements) {
        String text = nonEmpty(node.text()) ? node.text() : nonEmpty(node.id()) ? null : nonEmpty(node.hint()) ? node.hint() : null;
        String id = nonEmpty(node.id()) ? node.id() : null;
        String role = nonEmpty(node.role()) ? node.role() : null;
        if (text == null && id == null && role == null) {
            throw new TandemException(ErrorCode.STALE_REF, "the element `@" + node.ref() + "` has no role, id or text to find it by; "
                    + "name it with a selector instead (text, id or role of an element near it)");
        }
        Selector plain = new Selector(literal(text), literal(id), role, null);
        List<UiNode> matches = plain.select(elements);
        int index = matches.indexOf(node);
        ObjectNode out = Json.object();
        if (text != null) out.put("text", literal(text));
        if (id != null) out.put("id", literal(id));
        if (role != null) out.put("role", role);
        if (matches.size() > 1 && index >= 0) out.put("index", index);
        return out;
    }

    /** A value matched as itself: one written like {@code /a regex/} is quoted so it is not one. */
    static String literal(String value) {
        if (value == null) return null;
        boolean looksLikeRegex = value.length() >= 2 && value.startsWith("/") && value.endsWith("/");
        return looksLikeRegex ? "/\\Q" + value.replace("\\E", "\\E\\\\E\\Q") + "\\E/" : value;
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private String age(Taken t) {
        long s = Math.max(0, (millis.getAsLong() - t.atMillis()) / 1000);
        return s < 120 ? s + " s" : s / 60 + " min";
    }

    /** What a screen shows, for a message: up to {@code max} elements with their refs. */
    public static String onScreen(Snapshot s, int max) {
        List<UiNode> els = s.elements().stream().filter(n -> n.ref() != null && (nonEmpty(n.text()) || nonEmpty(n.id()))).toList();
        String shown = els.stream().limit(max).map(n -> "@" + n.ref() + " " + n.describe()).collect(Collectors.joining(", "));
        return els.isEmpty() ? "no element with text or id" : shown + (els.size() > max ? " and " + (els.size() - max) + " more" : "");
    }
}
