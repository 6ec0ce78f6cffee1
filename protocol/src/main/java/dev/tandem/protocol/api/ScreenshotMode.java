package dev.tandem.protocol.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** When a run takes screenshots besides its plan's own screenshot steps ({@code --screenshots}). */
public enum ScreenshotMode {
    /** None: a failure is reported without its screen. */
    OFF("off"),
    /** The screen of a step that failed on screen (the default). */
    ON_FAILURE("on-failure"),
    /** The screen after every step as well, for the report's timeline. */
    EVERY_STEP("every-step");

    public static final ScreenshotMode DEFAULT = ON_FAILURE;

    private final String wireName;

    ScreenshotMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<ScreenshotMode> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    /** The modes' names, for usage messages. */
    public static String names() {
        return String.join("|", Arrays.stream(values()).map(ScreenshotMode::wireName).toList());
    }

    @Override
    public String toString() {
        return wireName;
    }
}
