package dev.tandem.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the engine reaches one device: the daemon's runner client in production, fakes in tests.
 * {@link #execute} must return within the call's timeout plus a small slack; {@link #cancel} may
 * be called from another thread while it runs and must make it return soon (best effort: a
 * command already past its side effect completes).
 *
 * <p>{@link #cancel} races with {@link #execute} by design (the engine never holds a lock across a
 * device command): it may arrive just before {@code execute} starts, and then that call must
 * return {@code CANCELLED} without running; or just after {@code execute} returned, and then it
 * must do nothing (in particular, not cancel the device's next command). Key it by
 * {@link StepCall#commandId()}.
 */
public interface DeviceChannel {

    /** Runs one device command; throws {@link StepFailure} when the device reports a failure. */
    JsonNode execute(StepCall call) throws StepFailure, InterruptedException;

    /** Asks the device to stop {@code call}; a cancelled call ends with {@code ErrorCode.CANCELLED}. */
    void cancel(StepCall call);

    /**
     * The screen after {@code call} passed, for the report (a PNG path), or null: the run takes
     * none (its screenshot mode) or the device could not. Called after the step's duration is
     * measured, so a screenshot never makes a step look slower.
     */
    default String stepScreenshot(StepCall call) throws InterruptedException {
        return null;
    }
}
