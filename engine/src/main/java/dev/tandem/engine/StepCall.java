package dev.tandem.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.plan.ToolStep;

/**
 * One command the engine asks a device to run.
 *
 * @param commandId unique per daemon (run id + sequence), so a resend is recognised by the runner
 * @param label the track (device label) it belongs to
 * @param params the step's params, possibly extended by the engine's caller (e.g. launch context)
 * @param settleAfterReply the track's next item is another plain step on this device: the device
 *     may report the step done once its action is, and settle while the next command is on its
 *     way (that command waits for it); false before a sync point and at the track's end, where
 *     peers or the run's result depend on the settled screen
 */
public record StepCall(String commandId, String label, ToolStep step, ObjectNode params, long timeoutMs,
        boolean settleAfterReply) {

    public StepCall(String commandId, String label, ToolStep step, ObjectNode params, long timeoutMs) {
        this(commandId, label, step, params, timeoutMs, false);
    }
}
