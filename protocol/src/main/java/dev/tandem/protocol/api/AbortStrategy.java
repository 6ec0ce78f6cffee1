package dev.tandem.protocol.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What the other devices do when one fails (DESIGN §2): a plan key and a run request field. */
public enum AbortStrategy {
    /** Cancel in-flight commands on the other devices and stop. */
    IMMEDIATE("immediate"),
    /** Let each other device finish the step in flight, then stop. */
    FINISH_CURRENT_STEP("finish-current-step");

    private final String wireName;

    AbortStrategy(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<AbortStrategy> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
