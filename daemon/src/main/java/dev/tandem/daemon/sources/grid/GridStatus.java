package dev.tandem.daemon.sources.grid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Grid's {@code GET /status} says: its nodes, each with its slots (a stereotype, and the
 * session in it if any). Tandem's capacity and free slots come from here, never from its own guess.
 */
public record GridStatus(boolean ready, List<Node> nodes) {
    public record Node(String uri, String availability, List<Slot> slots) {
        public boolean up() {
            return "UP".equalsIgnoreCase(availability);
        }
    }

    /** @param sessionId the session in the slot, or null when the slot is free */
    public record Slot(Map<String, String> stereotype, String sessionId) {
        /**
         * Whether every capability of {@code wanted} has the same value (ignoring case) in this slot's
         * stereotype; an extension capability ({@code appium:app}) the slot does not name is a detail of
         * the request, not a condition on the slot.
         */
        public boolean matches(Map<String, Object> wanted) {
            return wanted.entrySet().stream().allMatch(e -> {
                String v = stereotype.get(e.getKey());
                if (v == null) return e.getKey().contains(":");
                return v.equalsIgnoreCase(String.valueOf(e.getValue()));
            });
        }
    }

    public static GridStatus parse(JsonNode body) {
        JsonNode v = body.path("value");
        List<Node> nodes = new ArrayList<>();
        for (JsonNode n : v.path("nodes")) {
            List<Slot> slots = new ArrayList<>();
            for (JsonNode s : n.path("slots")) {
                Map<String, String> st = new LinkedHashMap<>();
                s.path("stereotype").properties().forEach(e -> {
                    if (e.getValue().isValueNode()) st.put(e.getKey(), e.getValue().asText());
                });
                JsonNode session = s.path("session");
                slots.add(new Slot(st, session.isObject() ? session.path("sessionId").asText(null) : null));
            }
            nodes.add(new Node(n.path("uri").asText(""), n.path("availability").asText(""), slots));
        }
        return new GridStatus(v.path("ready").asBoolean(false), nodes);
    }

    /** Slots on nodes that are up and match the stereotype. */
    public int capacity(Map<String, Object> stereotype) {
        return (int) nodes.stream().filter(Node::up).flatMap(n -> n.slots().stream()).filter(s -> s.matches(stereotype)).count();
    }

    /** Of those, the ones with no session. */
    public int free(Map<String, Object> stereotype) {
        return (int) nodes.stream().filter(Node::up).flatMap(n -> n.slots().stream())
                .filter(s -> s.matches(stereotype) && s.sessionId() == null).count();
    }

    public int sessions() {
        return (int) nodes.stream().flatMap(n -> n.slots().stream()).filter(s -> s.sessionId() != null).count();
    }

    /** The node a session runs on, or null. */
    public String nodeOf(String sessionId) {
        for (Node n : nodes) {
            for (Slot s : n.slots()) if (sessionId.equals(s.sessionId())) return n.uri();
        }
        return null;
    }
}
