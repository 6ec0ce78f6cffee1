package dev.tandem.protocol.result;

import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.StepNote;
import java.util.List;

/**
 * One executed step (results.json {@code steps[]}); times are relative to the run's start.
 *
 * @param error present when the step failed, warned or was cancelled
 * @param screenshot the screen when the step failed (a PNG path), when one could be taken
 * @param notes what the device noted about a step that went on (e.g. the screen never settled); null when none
 * @param source where a step of a sub-flow was written, {@code login.yaml:4:3 via plan.yaml:12:3}; null for the plan's own steps
 * @param iteration inside a repeat or retry block, the 1-based iteration (or attempt) of the innermost
 *     one that this run of the step belongs to; null outside them
 */
public record StepRecord(
        int planStep, int trackStep, String device, String tool, String label, StepStatus status,
        long startMs, long durationMs, ErrorInfo error, String screenshot, List<StepNote> notes, String source,
        Integer iteration) {

    public StepRecord(int planStep, int trackStep, String device, String tool, String label, StepStatus status,
            long startMs, long durationMs, ErrorInfo error, String screenshot, List<StepNote> notes) {
        this(planStep, trackStep, device, tool, label, status, startMs, durationMs, error, screenshot, notes, null, null);
    }

    public StepRecord {
        notes = notes == null || notes.isEmpty() ? null : List.copyOf(notes);
    }


    public StepRecord(int planStep, int trackStep, String device, String tool, String label, StepStatus status,
            long startMs, long durationMs, ErrorInfo error) {
        this(planStep, trackStep, device, tool, label, status, startMs, durationMs, error, null, null);
    }
}
