package dev.tandem.engine;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;

/** A device command that failed, with the device's error code and message. */
public final class StepFailure extends Exception {
    private final ErrorInfo error;
    private final String screenshot;
    private final long endedAt;

    public StepFailure(ErrorInfo error) {
        this(error, null);
    }

    /** @param screenshot a PNG of the screen at the failure, or null */
    public StepFailure(ErrorInfo error, String screenshot) {
        this(error, screenshot, System.nanoTime());
    }

    /** @param endedNanos when the command failed, before anything done for the report afterwards */
    public StepFailure(ErrorInfo error, String screenshot, long endedNanos) {
        super(error.message(), null, false, false);
        this.error = error;
        this.screenshot = screenshot;
        this.endedAt = endedNanos;
    }

    public StepFailure(ErrorCode code, String message) {
        this(new ErrorInfo(code, message));
    }

    public ErrorInfo error() {
        return error;
    }

    /**
     * When the command's failure was known ({@link System#nanoTime()} at construction, or as
     * given): the step's duration ends here, not after the failure screenshot taken for the report.
     */
    public long endedNanos() {
        return endedAt;
    }

    /** Path of a screenshot taken when the step failed, or null. */
    public String screenshot() {
        return screenshot;
    }
}
