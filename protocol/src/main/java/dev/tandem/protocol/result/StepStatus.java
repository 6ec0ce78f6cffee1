package dev.tandem.protocol.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * One step's outcome. {@code warned}: an optional step failed, or an attempt of a retry block
 * that was tried again. {@code cancelled}: stopped by an abort. {@code skipped}: inside a
 * {@code when} block whose condition did not hold.
 */
public enum StepStatus {
    PASSED, FAILED, WARNED, CANCELLED, SKIPPED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
