package dev.tandem.engine;

import dev.tandem.protocol.api.AbortStrategy;

/**
 * How one run executes.
 *
 * @param abortStrategy what other devices do when one fails; null: the plan's, else {@link #DEFAULT_ABORT}
 * @param startStep top-level steps with a lower plan index are skipped on every track
 */
public record RunOptions(String runId, AbortStrategy abortStrategy, int startStep) {
    public static final AbortStrategy DEFAULT_ABORT = AbortStrategy.IMMEDIATE;
}
