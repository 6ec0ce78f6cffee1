package dev.tandem.protocol.runner;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A command's lifecycle on a runner (DESIGN §4):
 * {@code notAccepted → accepted → started → completed | failed}, and {@code unknown} where the
 * evidence is gone (a runner died after {@code started} and before an end was recorded).
 */
public enum CommandState {
    NOT_ACCEPTED("notAccepted"),
    ACCEPTED("accepted"),
    STARTED("started"),
    COMPLETED("completed"),
    FAILED("failed"),
    UNKNOWN("unknown");

    private final String wire;

    CommandState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == UNKNOWN;
    }
}
