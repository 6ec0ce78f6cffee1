package dev.tandem.protocol.result;

import dev.tandem.protocol.ErrorCode;

/**
 * Where and why a track stopped (results.json {@code failure}).
 *
 * @param trackStep -1 when the track failed at a sync point rather than in a step
 * @param screenshot the screen at the failure (a PNG path), when one was taken
 */
public record Failure(int planStep, int trackStep, String tool, ErrorCode code, String message, String screenshot) {

    public Failure(int planStep, int trackStep, String tool, ErrorCode code, String message) {
        this(planStep, trackStep, tool, code, message, null);
    }
}
