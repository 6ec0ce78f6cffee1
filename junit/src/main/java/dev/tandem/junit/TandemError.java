package dev.tandem.junit;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;

/**
 * A plan that could not run, or a device lost to the infrastructure (no device free, the daemon
 * gone, a runner reset): not an assertion about the app, so Surefire reports it as an error, not a
 * failure. The message starts with Tandem's code and ends with what to do.
 */
public final class TandemError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    TandemError(ErrorInfo error) {
        // USAGE's hint names the CLI's --help; here the message itself names the parameter to fix
        super(error.code() + ": " + error.message() + (error.code() == ErrorCode.USAGE ? "" : " (" + error.code().hint() + ")"));
        this.code = error.code();
    }

    public ErrorCode code() {
        return code;
    }
}
