package dev.tandem.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.LeanJson;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.CommandRequest;
import dev.tandem.protocol.state.DaemonInfo;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records on a one-shot command's path (daemon.json, the status reply's settings, the command
 * and its reply, an error reply), coded on {@link LeanJson} instead of Jackson's data binding,
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

    /** The field's text; null when absent, null or not a string (Jackson would refuse a non-string: so do we, upstream). */
    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException(field + " is not a string");
        return v.textValue();
    }
}
