package dev.tandem.protocol;

/**
 * Every error Tandem reports, with its process exit code and the default sentence telling the
 * user what to do next. One table: callers never pick exit codes or hints themselves.
 *
 * <p>Exit codes (DESIGN §3): 0 passed, 1 a plan failed, 2 invalid input, 3 environment or
 * infrastructure.
 */
public enum ErrorCode {
    // --- invalid input (2)
    USAGE(2, "Run `tandem --help` or `tandem COMMAND --help` for the accepted arguments."),
    VALIDATION(2, "Fix the plan at the positions listed, then check it with `tandem validate PLAN`."),
    UNSUPPORTED_ON_PLATFORM(2, "Run that device on a platform whose backend supports the tool (--device LABEL=PLATFORM, or the plan's platform), or remove the step."),
    PLAN_NOT_FOUND(2, "Check the path; plans are YAML files (`tandem validate PLAN` checks one)."),
    // --- a plan failed (1)
    ELEMENT_NOT_FOUND(1, "Check the selector against the elements on screen (`tandem snapshot --device D`)."),
    ELEMENT_DISABLED(1, "The element stayed disabled; check the earlier steps that should enable it, or raise the step's `timeout`."),
    ASSERTION_FAILED(1, "The screen did not match the assertion; see the elements on screen in the message."),
    NOTIFICATION_NOT_FOUND(1, "No matching notification arrived in time; check the sender's step or raise awaitTimeout."),
    APP_NOT_INSTALLED(1, "Use one of the installed app ids listed, or install your app's definition for the run (sim): `tandem run PLAN --app FILE`."),
    BAD_PARAMS(1, "Fix the step's parameters as the message says."),
    FILE_NOT_ALLOWED(1, "Open the page over http, or put it under the plan's directory or a TANDEM_WEB_FILE_ROOTS directory (never Tandem's state dir)."),
    STEP_TIMEOUT(1, "The step did not finish in time; raise its `timeout` or check what the device shows."),
    RENDEZVOUS_TIMEOUT(1, "A peer never reached the sync point in time; check the peer's earlier steps."),
    PEER_FAILED(1, "Another device failed first; fix that failure (the run's root cause) and rerun."),
    ABORTED(1, "The run stopped because another device failed; fix the root cause and rerun."),
    CANCELLED(1, "The command was cancelled before it ran; nothing happened on the device."),
    // --- environment or infrastructure (3)
    OUTCOME_UNKNOWN(3, "The command may have run on the device and was not repeated; check the device state before rerunning."),
    DEVICE_RESET(3, "The device was reset during the run (its runner restarted) and its state is gone; rerun the plan, and if it recurs see the runner's log under $TANDEM_HOME/logs."),
    DEVICE_UNAVAILABLE(3, "Free the device (see `tandem sessions`) or pick another one (`tandem devices`)."),
    RUNNER_FAILED(3, "The device runner failed; see its log under $TANDEM_HOME/logs and rerun."),
    PORT_IN_USE(3, "Choose a free port or stop the process holding it."),
    CHROMIUM_MISSING(3, "Install Chromium: `sudo apt-get install -y chromium` (or set TANDEM_CHROMIUM to its path)."),
    DAEMON_UNAVAILABLE(3, "Run `tandem daemon status`; `tandem daemon stop` then rerun restarts it."),
    VERSION_MISMATCH(3, "Stop the other version's daemon with `tandem daemon stop`, then rerun."),
    UNAUTHORIZED(3, "The daemon rejected the token; `tandem daemon stop` then rerun starts a fresh one."),
    UNSAFE_DIRECTORY(3, "Use a directory only you can write: remove it, or fix its owner and mode (`chmod 700`), or point TANDEM_DEVICE_LOCK_DIR elsewhere."),
    STATE_DIR_BROKEN(3, "A path in the state dir is not what Tandem expects; move it aside as the message says (or set another TANDEM_HOME) and rerun."),
    PREPARE_FAILED(3, "Runner preparation failed; rerun `tandem prepare --json` and read failureReason."),
    INTERNAL(3, "This is a bug in Tandem; please report it with the log under $TANDEM_HOME/logs.");

    private final int exitCode;
    private final String hint;

    ErrorCode(int exitCode, String hint) {
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public int exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }
}
