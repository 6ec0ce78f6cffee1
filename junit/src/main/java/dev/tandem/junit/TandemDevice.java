package dev.tandem.junit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.client.Lease;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.CommandRequest;
import org.opentest4j.AssertionFailedError;

/**
 * One leased device, driven with the same daemon calls as the one-shot commands ({@code tandem tap},
 * {@code type}, {@code press}, {@code launch}): a tool and the params a plan step of it takes. A
 * failure of the app under test (an element not found, an assertion) is an AssertionFailedError
 * with Tandem's code; anything else stays the client's TandemException.
 */
public final class TandemDevice {
    private final TandemClient client;
    private final Lease lease;
    private final String label;
    private final String id;

    TandemDevice(TandemClient client, Lease lease, String label, String id) {
        this.client = client;
        this.lease = lease;
        this.label = label;
        this.id = id;
    }

    public String label() {
        return label;
    }

    /** The device id ({@code sim-1}). */
    public String id() {
        return id;
    }

    /** Taps the element with this text, or {@code @e3}: an element of this device's latest {@link #snapshot()}. */
    public CommandReply tap(String textOrRef) {
        return selecting(Tool.TAP_ON, Json.object(), textOrRef);
    }

    /** Types into the focused field. */
    public CommandReply type(String text) {
        return command(Tool.INPUT_TEXT, Json.object().put("text", text));
    }

    /** Presses a button: {@code back}, {@code home}, {@code enter}. */
    public CommandReply press(String button) {
        return command(Tool.PRESS_BUTTON, Json.object().put("button", button));
    }

    public CommandReply launch(String appId) {
        return command(Tool.LAUNCH_APP, Json.object().put("appId", appId));
    }

    /** Passes when an element with this text (exact, or {@code /regex/}), or {@code @e3}, is on screen. */
    public CommandReply assertVisible(String textOrRef) {
        return selecting(Tool.ASSERT_VISIBLE, Json.object(), textOrRef);
    }

    /** The screen's UI tree; its refs ({@code @e3}) name elements for the next commands. */
    public Snapshot snapshot() {
        return client.snapshot(id, lease.id());
    }

    /** Any tool with the params a plan step of it takes, e.g. {@code command(Tool.SWIPE, Json.object().put("direction", "up"))}. */
    public CommandReply command(Tool tool, ObjectNode params) {
        return send(tool, params, null);
    }

    private CommandReply selecting(Tool tool, ObjectNode params, String textOrRef) {
        if (textOrRef.startsWith("@")) return send(tool, params, textOrRef);
        return send(tool, params.put("text", textOrRef), null);
    }

    private CommandReply send(Tool tool, ObjectNode params, String ref) {
        try {
            return client.command(new CommandRequest(lease.id(), id, tool.wireName(), params, ref, null, ProcessHandle.current().pid()));
        } catch (TandemException e) {
            if (e.code().category() != ErrorCategory.PLAN_FAILED) throw e;
            throw new AssertionFailedError(e.code() + ": " + e.getMessage() + " (device " + label + " " + id + ", " + tool.wireName() + ")", e);
        }
    }
}
