package dev.tandem.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.plan.ToolStep;

/**
 * One command the engine asks a device to run.
 *
 * @param commandId unique per daemon (run id + sequence), so a resend is recognised by the runner
 * @param label the track (device label) it belongs to
 * @param params the step's params, possibly extended by the engine's caller (e.g. launch context)
 */
public record StepCall(String commandId, String label, ToolStep step, ObjectNode params, long timeoutMs) {}
