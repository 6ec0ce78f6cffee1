package dev.tandem.protocol.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A track's outcome: passed; failed (its own step failed); aborted (stopped because of another device or from outside). */
public enum DeviceStatus {
    PASSED, FAILED, ABORTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The word in {@code [PARALLEL_EXEC]} lines. */
    public String execWord() {
        return switch (this) {
            case PASSED -> "SUCCESS";
            case FAILED -> "FAILED";
            case ABORTED -> "ABORTED";
        };
    }
}
