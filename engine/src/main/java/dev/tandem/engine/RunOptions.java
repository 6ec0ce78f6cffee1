package dev.tandem.engine;

import dev.tandem.protocol.api.AbortStrategy;
import java.util.Map;

/**
 * How one run executes.
 *
 * @param abortStrategy what other devices do when one fails; null: the plan's, else {@link #DEFAULT_ABORT}
 * @param startStep top-level steps with a lower plan index are skipped on every track
 * @param platforms the platform each label's device runs on (for {@code when: platform}); a label
 *     missing here falls back to the plan's declaration
 */
public record RunOptions(String runId, AbortStrategy abortStrategy, int startStep, Map<String, String> platforms) {
    public static final AbortStrategy DEFAULT_ABORT = AbortStrategy.IMMEDIATE;

    public RunOptions {
        platforms = platforms == null ? Map.of() : Map.copyOf(platforms);
    }

    public RunOptions(String runId, AbortStrategy abortStrategy, int startStep) {
        this(runId, abortStrategy, startStep, Map.of());
    }
}
