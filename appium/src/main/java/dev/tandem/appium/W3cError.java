package dev.tandem.appium;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.Map;

/**
 * W3C WebDriver's error JSON ({@code {"value":{"error","message"}}}) as Tandem errors: one table
 * from the spec's error codes to ours, and a sentence per case that says what to do.
 */
final class W3cError {
    private W3cError() {}

    private record Kind(ErrorCode code, String advice) {}

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("session not created", new Kind(ErrorCode.RUNNER_FAILED,
                    "Appium could not start the session: check this device's capabilities in devices.yaml"
                            + " (appium:automationName must name an installed driver — `appium driver list --installed`;"
                            + " appium:app must be a path or URL the server can read; appium:udid must be a connected device)")),
            Map.entry("invalid session id", new Kind(ErrorCode.DEVICE_RESET,
                    "The Appium session is gone (the server restarted or its newCommandTimeout passed); rerun the plan")),
            Map.entry("no such element", new Kind(ErrorCode.ELEMENT_NOT_FOUND, "The element is no longer on screen")),
            Map.entry("stale element reference", new Kind(ErrorCode.ELEMENT_NOT_FOUND, "The element is no longer on screen")),
            Map.entry("element not interactable", new Kind(ErrorCode.ELEMENT_DISABLED, "The element cannot take this action now")),
            Map.entry("invalid element state", new Kind(ErrorCode.ELEMENT_DISABLED, "The element cannot take this action now")),
            Map.entry("invalid argument", new Kind(ErrorCode.BAD_PARAMS, "The driver rejected the command's arguments")),
            Map.entry("unknown method", new Kind(ErrorCode.BAD_PARAMS,
                    "This Appium driver does not implement the command; use a tool it supports (see docs/appium.md)")),
            Map.entry("unknown command", new Kind(ErrorCode.BAD_PARAMS,
                    "This Appium driver does not implement the command; use a tool it supports (see docs/appium.md)")),
            Map.entry("unsupported operation", new Kind(ErrorCode.BAD_PARAMS,
                    "This Appium driver does not implement the command; use a tool it supports (see docs/appium.md)")),
            Map.entry("timeout", new Kind(ErrorCode.STEP_TIMEOUT, "The driver did not finish the command in time")),
            Map.entry("script timeout", new Kind(ErrorCode.STEP_TIMEOUT, "The driver did not finish the command in time")));

    /**
     * What a Selenium Grid 4 router answers (HTTP 500, {@code unknown error}) when the node holding
     * the session does not answer: the node died or its network went away. Its session is lost.
     */
    static final String GRID_NODE_GONE = "Unable to execute request for an existing session";

    /** The exception for an error reply to {@code command}. */
    static TandemException of(String command, int status, String error, String message) {
        if (message != null && message.startsWith(GRID_NODE_GONE)) {
            return new TandemException(ErrorCode.DEVICE_LOST, "The Selenium Grid cannot reach the node that holds this Appium session"
                    + " (it stopped or lost its network) (" + command + " → " + firstLine(message) + "); check that the node is up"
                    + " (the Grid's /status), then rerun: the next run opens a new session.");
        }
        // Appium answers a capability it cannot match (no driver for automationName) with 'unknown
        // error', not 'session not created': on new session, every error is the capabilities' advice.
        Kind kind = command.equals("POST /session") ? KINDS.get("session not created") : error == null ? null : KINDS.get(error);
        String detail = message == null || message.isBlank() ? "" : ": " + firstLine(message);
        if (kind == null) {
            return new TandemException(ErrorCode.RUNNER_FAILED, "Appium answered " + command + " with HTTP " + status
                    + (error == null ? "" : " '" + error + "'") + detail
                    + "; see the Appium server's log for the driver's reason.");
        }
        return new TandemException(kind.code(), kind.advice() + " (" + command + " → '" + error + "'" + detail + ").");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
