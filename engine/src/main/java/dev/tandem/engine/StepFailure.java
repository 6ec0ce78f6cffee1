package dev.tandem.engine;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;

/** A device command that failed, with the device's error code and message. */
public final class StepFailure extends Exception {
    private final ErrorInfo error;

    public StepFailure(ErrorInfo error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public StepFailure(ErrorCode code, String message) {
        this(new ErrorInfo(code, message));
    }

    public ErrorInfo error() {
        return error;
    }
}
