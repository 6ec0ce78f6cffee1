package dev.tandem.protocol.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** One step's outcome. {@code warned}: an optional step failed. {@code cancelled}: stopped by an abort. */
public enum StepStatus {
    PASSED, FAILED, WARNED, CANCELLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
