package dev.tandem.protocol;

/**
 * What kind of failure an {@link ErrorCode} is. The category, never the code itself, gives the
 * process exit code (DESIGN §3) and the daemon's HTTP status for a refused request.
 */
public enum ErrorCategory {
    /** A step or an assertion failed on a device: the plan, not Tandem, needs a look. */
    PLAN_FAILED(1, 503),
    /** The user's input (arguments, plan, paths) is wrong: nothing ran. */
    INVALID_INPUT(2, 400),
    /** The environment or Tandem's own processes failed: rerun, or fix the host. */
    INFRASTRUCTURE(3, 503);

    /** The exit code of a command, run or suite that passed. */
    public static final int PASSED_EXIT_CODE = 0;

    private final int exitCode;
    private final int httpStatus;

    ErrorCategory(int exitCode, int httpStatus) {
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * The daemon's reply status when a request fails with this category: 400 for the caller's
     * input; 503 otherwise (a step failure outside a run, e.g. an app id a one-off command
     * cannot launch, has always been reported as 503 too).
     */
    public int httpStatus() {
        return httpStatus;
    }
}
