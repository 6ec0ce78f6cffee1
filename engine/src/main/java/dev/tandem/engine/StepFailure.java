package dev.tandem.engine;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;

/** A device command that failed, with the device's error code and message. */
public final class StepFailure extends Exception {
    private final ErrorInfo error;
    private final String screenshot;

    public StepFailure(ErrorInfo error) {
        this(error, null);
    }

    /** @param screenshot a PNG of the screen at the failure, or null */
    public StepFailure(ErrorInfo error, String screenshot) {
        super(error.message(), null, false, false);
        this.error = error;
        this.screenshot = screenshot;
    }

    public StepFailure(ErrorCode code, String message) {
        this(new ErrorInfo(code, message));
    }

    public ErrorInfo error() {
        return error;
    }

    /** Path of a screenshot taken when the step failed, or null. */
    public String screenshot() {
        return screenshot;
    }
}
