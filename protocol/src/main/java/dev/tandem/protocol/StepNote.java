package dev.tandem.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Something a step that did not fail wants its reader to know. A device command's result carries
 * its notes under {@link #RESULT_KEY}; the engine copies them into the step's record, so they land
 * in results.json ({@code steps[].notes}) and in the run's events.
 */
public enum StepNote {
    /** The screen was still changing when the post-action settle budget ran out; the step went on anyway. */
    SCREEN_NEVER_SETTLED("screen never settled"),
    /**
     * The previous step replied before its screen settled (its next step was this one) and the
     * screen was still changing when the settle budget ran out; this step went on anyway.
     */
    PREVIOUS_SCREEN_NEVER_SETTLED("screen never settled after the previous step");

    /** Where a command's result lists its notes. */
    public static final String RESULT_KEY = "notes";

    private final String wire;

    StepNote(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Adds this note to a command's result. */
    public void addTo(ObjectNode result) {
        JsonNode existing = result.get(RESULT_KEY);
        ArrayNode notes = existing instanceof ArrayNode a ? a : result.putArray(RESULT_KEY);
        for (JsonNode n : notes) if (wire.equals(n.asText())) return;
        notes.add(wire);
    }

    /** The notes a command's result carries; unknown ones (a newer runner) are skipped. */
    public static List<StepNote> of(JsonNode result) {
        List<StepNote> out = new ArrayList<>();
        if (result == null) return out;
        for (JsonNode n : result.path(RESULT_KEY)) {
            for (StepNote s : values()) if (s.wire.equals(n.asText())) out.add(s);
        }
        return out;
    }
}
