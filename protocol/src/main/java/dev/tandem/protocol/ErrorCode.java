package dev.tandem.protocol;

import static dev.tandem.protocol.ErrorCategory.INFRASTRUCTURE;
import static dev.tandem.protocol.ErrorCategory.INVALID_INPUT;
import static dev.tandem.protocol.ErrorCategory.PLAN_FAILED;

/**
 * Every error Tandem reports, with its category and the default sentence telling the user what
 * to do next. One table: callers never pick exit codes, HTTP statuses or hints themselves; the
 * {@link ErrorCategory} gives both numbers (DESIGN §3: 0 passed, 1 a plan failed, 2 invalid
 * input, 3 environment or infrastructure).
 */
public enum ErrorCode {
    // --- invalid input
    USAGE(INVALID_INPUT, "Run `tandem --help` or `tandem COMMAND --help` for the accepted arguments."),
    VALIDATION(INVALID_INPUT, "Fix the plan at the positions listed, then check it with `tandem validate PLAN`."),
    PLAN_NOT_FOUND(INVALID_INPUT, "Check the path; plans are YAML files (`tandem validate PLAN` checks one)."),
    DEVICE_NOT_LEASED(INVALID_INPUT, "Acquire the device first (MCP `acquire`, or the Java client's `acquire`); `tandem sessions` shows who holds it."),
    STALE_REF(INVALID_INPUT, "Take a new snapshot of the device and use a ref from it: refs name elements of your latest snapshot only."),
    UNSUPPORTED_ON_PLATFORM(INVALID_INPUT, "Run that device on a platform whose backend supports the tool (--device LABEL=PLATFORM, or the plan's platform), or remove the step."),
    // --- a plan failed
    ELEMENT_NOT_FOUND(PLAN_FAILED, "Check the selector against the elements on screen (`tandem snapshot --device D`)."),
    ELEMENT_DISABLED(PLAN_FAILED, "The element stayed disabled; check the earlier steps that should enable it, or raise the step's `timeout`."),
    ASSERTION_FAILED(PLAN_FAILED, "The screen did not match the assertion; see the elements on screen in the message."),
    NOTIFICATION_NOT_FOUND(PLAN_FAILED, "No matching notification arrived in time; check the sender's step or raise awaitTimeout."),
    APP_NOT_INSTALLED(PLAN_FAILED, "Use one of the installed app ids listed, or install your app's definition for the run (sim): `tandem run PLAN --app FILE`."),
    BAD_PARAMS(PLAN_FAILED, "Fix the step's parameters as the message says."),
    FILE_NOT_ALLOWED(PLAN_FAILED, "Open the page over http, or put it under the plan's directory or a TANDEM_WEB_FILE_ROOTS directory (never Tandem's state dir)."),
    STEP_TIMEOUT(PLAN_FAILED, "The step did not finish in time; raise its `timeout` or check what the device shows."),
    BLOCK_LIMIT(PLAN_FAILED, "A repeat or retry block reached its bound (its iterations or its timeout); check what the screen shows, or raise the block's times or timeout."),
    RENDEZVOUS_TIMEOUT(PLAN_FAILED, "A peer never reached the sync point in time; check the peer's earlier steps."),
    PEER_FAILED(PLAN_FAILED, "Another device failed first; fix that failure (the run's root cause) and rerun."),
    ABORTED(PLAN_FAILED, "The run stopped because another device failed; fix the root cause and rerun."),
    CANCELLED(PLAN_FAILED, "The command was cancelled before it ran; nothing happened on the device."),
    // --- environment or infrastructure
    OUTCOME_UNKNOWN(INFRASTRUCTURE, "The command may have run on the device and was not repeated; check the device state before rerunning."),
    DEVICE_RESET(INFRASTRUCTURE, "The device was reset during the run (its runner restarted) and its state is gone; rerun the plan, and if it recurs see the runner's log under $TANDEM_HOME/logs."),
    DEVICE_LOST(INFRASTRUCTURE, "The device went away during the run (its Selenium Grid node or remote browser stopped answering); check the node (the Grid's /status), then rerun."),
    DEVICE_UNAVAILABLE(INFRASTRUCTURE, "Free the device (see `tandem sessions`) or pick another one (`tandem devices`)."),
    RUNNER_FAILED(INFRASTRUCTURE, "The device runner failed; see its log under $TANDEM_HOME/logs and rerun."),
    PORT_IN_USE(INFRASTRUCTURE, "Choose a free port or stop the process holding it."),
    CHROMIUM_MISSING(INFRASTRUCTURE, "Install Chromium: `sudo apt-get install -y chromium` (or set TANDEM_CHROMIUM to its path)."),
    DAEMON_UNAVAILABLE(INFRASTRUCTURE, "Run `tandem daemon status`; `tandem daemon stop` then rerun restarts it."),
    VERSION_MISMATCH(INFRASTRUCTURE, "Stop the other version's daemon with `tandem daemon stop`, then rerun."),
    UNAUTHORIZED(INFRASTRUCTURE, "The daemon rejected the token; `tandem daemon stop` then rerun starts a fresh one."),
    UNSAFE_DIRECTORY(INFRASTRUCTURE, "Use a directory only you can write: remove it, or fix its owner and mode (`chmod 700`), or point TANDEM_DEVICE_LOCK_DIR elsewhere."),
    STATE_DIR_BROKEN(INFRASTRUCTURE, "A path in the state dir is not what Tandem expects; move it aside as the message says (or set another TANDEM_HOME) and rerun."),
    NODE_MISSING(INFRASTRUCTURE, "Install Node.js 20.19+, 22.12+ or 24+ with npm 10+ (from nodejs.org; Debian 13: `apt-get install nodejs npm`; macOS: `brew install node`), then rerun `tandem prepare --platform appium`."),
    APPIUM_NOT_PREPARED(INFRASTRUCTURE, "Install the Appium server and drivers: run `tandem prepare --platform appium` (with the same devices file), then rerun."),
    PREPARE_FAILED(INFRASTRUCTURE, "Runner preparation failed; rerun `tandem prepare --json` and read failureReason."),
    INTERNAL(INFRASTRUCTURE, "This is a bug in Tandem; please report it with the log under $TANDEM_HOME/logs.");

    private final ErrorCategory category;
    private final String hint;

    ErrorCode(ErrorCategory category, String hint) {
        this.category = category;
        this.hint = hint;
    }

    public ErrorCategory category() {
        return category;
    }

    /** The process exit code of a command that fails with this error. */
    public int exitCode() {
        return category.exitCode();
    }

    /** The daemon's HTTP status for a request refused with this error. */
    public int httpStatus() {
        return category.httpStatus();
    }

    public String hint() {
        return hint;
    }
}
