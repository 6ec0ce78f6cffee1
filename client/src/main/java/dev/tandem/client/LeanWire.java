package dev.tandem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.LeanJson;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.CommandRequest;
import dev.tandem.protocol.api.SnapshotRequest;
import dev.tandem.protocol.state.DaemonInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records on a one-shot command's path (daemon.json, the status reply's settings, the command
 * and its reply, a snapshot and its request, an error reply), coded on {@link LeanJson} instead of Jackson's data binding,
 * which costs a fresh CLI JVM more than the whole command (see LeanJson). Every reader answers
 * empty on anything it does not expect, and the caller falls back to the Jackson path, so the two
 * can only differ in speed; LeanWireTest holds them to the same bytes and records.
 */
public final class LeanWire {
    private LeanWire() {}

    static Optional<DaemonInfo> daemonInfo(byte[] json) {
        try {
            JsonNode n = LeanJson.parse(new String(json, StandardCharsets.UTF_8));
            if (!n.isObject() || !n.path("pid").isIntegralNumber() || !n.path("port").isInt()) return Optional.empty();
            DaemonInfo info = new DaemonInfo(n.get("pid").asLong(), n.get("port").asInt(), text(n, "token"), text(n, "version"),
                    n.path("startedAt").asLong(), text(n, "home"));
            return info.problems().isEmpty() ? Optional.of(info) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The {@code settings} of a status reply. */
    static Optional<Map<String, String>> settings(byte[] statusReply) {
        try {
            JsonNode s = LeanJson.parse(new String(statusReply, StandardCharsets.UTF_8)).path("settings");
            Map<String, String> out = new TreeMap<>();
            if (s.isMissingNode() || s.isNull()) return Optional.of(out);
            if (!s.isObject()) return Optional.empty();
            for (Map.Entry<String, JsonNode> e : s.properties()) {
                if (!e.getValue().isTextual()) return Optional.empty();
                out.put(e.getKey(), e.getValue().textValue());
            }
            return Optional.of(out);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** As Jackson writes the record: its fields in order, nulls left out. */
    static byte[] command(CommandRequest r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (r.lease() != null) o.put("lease", r.lease());
        if (r.device() != null) o.put("device", r.device());
        if (r.tool() != null) o.put("tool", r.tool());
        if (r.params() != null) o.set("params", r.params());
        if (r.ref() != null) o.put("ref", r.ref());
        if (r.waitMs() != null) o.put("waitMs", r.waitMs());
        o.put("clientPid", r.clientPid());
        return LeanJson.text(o).getBytes(StandardCharsets.UTF_8);
    }

    /** The reply as Jackson writes it (nulls left out), for printing it without an ObjectMapper. */
    public static ObjectNode tree(CommandReply r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (r.device() != null) o.put("device", r.device());
        if (r.tool() != null) o.put("tool", r.tool());
        if (r.result() != null) o.set("result", r.result());
        if (r.element() != null) o.put("element", r.element());
        o.put("durationMs", r.durationMs());
        return o;
    }

    static Optional<CommandReply> commandReply(byte[] json) {
        try {
            JsonNode n = LeanJson.parse(new String(json, StandardCharsets.UTF_8));
            if (!n.isObject() || (n.has("durationMs") && !n.get("durationMs").isIntegralNumber())) return Optional.empty();
            JsonNode result = n.get("result");
            return Optional.of(new CommandReply(text(n, "device"), text(n, "tool"), result == null || result.isNull() ? null : result,
                    text(n, "element"), n.path("durationMs").asLong()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An error reply's {@code {error: {code, message}}}, if its code is one of ours. */
    static Optional<ErrorInfo> error(byte[] json) {
        try {
            JsonNode e = LeanJson.parse(new String(json, StandardCharsets.UTF_8)).path("error");
            if (!e.path("code").isTextual()) return Optional.empty();
            return Optional.of(new ErrorInfo(ErrorCode.valueOf(e.get("code").textValue()), text(e, "message")));
        } catch (IllegalArgumentException e) { // not JSON, or a code this client does not know
            return Optional.empty();
        }
    }

    /** As Jackson writes the request (nulls left out). */
    static byte[] snapshotRequest(SnapshotRequest r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (r.device() != null) o.put("device", r.device());
        o.put("clientPid", r.clientPid());
        if (r.lease() != null) o.put("lease", r.lease());
        return LeanJson.text(o).getBytes(StandardCharsets.UTF_8);
    }

    static Optional<Snapshot> snapshot(byte[] json) {
        try {
            JsonNode n = LeanJson.parse(new String(json, StandardCharsets.UTF_8));
            if (!n.isObject() || !n.path("root").isObject()) return Optional.empty();
            return Optional.of(new Snapshot(text(n, "device"), text(n, "app"), text(n, "screen"), integer(n, "width"),
                    integer(n, "height"), n.path("density").isNumber() ? n.get("density").asDouble() : 0, node(n.get("root"))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The snapshot as Jackson writes it (nulls left out), for printing it without an ObjectMapper. */
    public static ObjectNode tree(Snapshot s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        putText(o, "device", s.device());
        putText(o, "app", s.app());
        putText(o, "screen", s.screen());
        o.put("width", s.width());
        o.put("height", s.height());
        o.put("density", s.density());
        if (s.root() != null) o.set("root", tree(s.root()));
        return o;
    }

    private static ObjectNode tree(UiNode n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        putText(o, "ref", n.ref());
        putText(o, "role", n.role());
        putText(o, "id", n.id());
        putText(o, "text", n.text());
        putText(o, "hint", n.hint());
        if (n.bounds() != null) {
            o.putObject("bounds").put("x", n.bounds().x()).put("y", n.bounds().y()).put("width", n.bounds().width())
                    .put("height", n.bounds().height());
        }
        o.put("enabled", n.enabled());
        if (n.checked() != null) o.put("checked", n.checked());
        o.put("focused", n.focused());
        o.put("selected", n.selected());
        ArrayNode children = o.putArray("children");
        for (UiNode c : n.children()) children.add(tree(c));
        return o;
    }

    /** An element; the parse already bounded the tree's depth (LeanJson.MAX_DEPTH). */
    private static UiNode node(JsonNode n) {
        if (!n.isObject()) throw new IllegalArgumentException("not an element");
        JsonNode b = n.get("bounds");
        Bounds bounds = b == null || b.isNull() ? null : new Bounds(integer(b, "x"), integer(b, "y"), integer(b, "width"), integer(b, "height"));
        List<UiNode> children = new ArrayList<>();
        JsonNode kids = n.get("children");
        if (kids != null && !kids.isNull()) {
            if (!kids.isArray()) throw new IllegalArgumentException("children is not a list");
            for (JsonNode k : kids) children.add(node(k));
        }
        JsonNode checked = n.get("checked");
        if (checked != null && !checked.isNull() && !checked.isBoolean()) throw new IllegalArgumentException("checked is not a boolean");
        return new UiNode(text(n, "ref"), text(n, "role"), text(n, "id"), text(n, "text"), text(n, "hint"), bounds,
                bool(n, "enabled"), checked == null || checked.isNull() ? null : checked.booleanValue(), bool(n, "focused"),
                bool(n, "selected"), children);
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return 0;
        if (!v.isInt()) throw new IllegalArgumentException(field + " is not an int");
        return v.intValue();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw new IllegalArgumentException(field + " is not a boolean");
        return v.booleanValue();
    }

    private static void putText(ObjectNode o, String field, String value) {
        if (value != null) o.put(field, value);
    }

    /** The field's text; null when absent, null or not a string (Jackson would refuse a non-string: so do we, upstream). */
    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException(field + " is not a string");
        return v.textValue();
    }
}
