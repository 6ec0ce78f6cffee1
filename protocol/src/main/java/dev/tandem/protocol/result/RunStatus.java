package dev.tandem.protocol.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A run's outcome: passed, failed (a plan step failed), aborted (stopped from outside), error (infrastructure). */
public enum RunStatus {
    PASSED, FAILED, ABORTED, ERROR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
