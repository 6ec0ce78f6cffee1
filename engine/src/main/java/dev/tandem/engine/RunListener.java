package dev.tandem.engine;

import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.StepRecord;

/** Progress of a run as it happens, for live output. Called from track threads; must not block. */
public interface RunListener {
    RunListener NONE = new RunListener() {};

    default void stepStarted(String label, int planStep, int trackStep, String tool, String stepLabel) {}

    /** As above, with what the step acts on ({@link StepTargets}; null: nothing to show). */
    default void stepStarted(String label, int planStep, int trackStep, String tool, String stepLabel, String target) {
        stepStarted(label, planStep, trackStep, tool, stepLabel);
    }

    /** As above, inside a repeat or retry block: {@code iteration} is the innermost one's, 1-based (null outside). */
    default void stepStarted(String label, int planStep, int trackStep, String tool, String stepLabel, String target, Integer iteration) {
        stepStarted(label, planStep, trackStep, tool, stepLabel, target);
    }

    default void stepFinished(StepRecord record) {}

    /** A track waits at a sync point ({@code kind} criticalSection or barrier, {@code name} its lock or name). */
    default void waiting(String label, String kind, String name) {}

    /** All participants arrived: the section's steps now run one at a time. */
    default void sectionEntered(String label, String name) {}

    default void deviceFinished(String label, DeviceResult result) {}
}
