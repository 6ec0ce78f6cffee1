package dev.tandem.engine.result;

import dev.tandem.protocol.ErrorInfo;

/**
 * One executed step (results.json {@code steps[]}); times are relative to the run's start.
 *
 * @param error present when the step failed, warned or was cancelled
 */
public record StepRecord(
        int planStep, int trackStep, String device, String tool, String label, StepStatus status,
        long startMs, long durationMs, ErrorInfo error) {}
