package dev.tandem.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One command sent to a runner: {@code POST /v1/commands}.
 *
 * @param id unique per daemon; resending the same id never executes twice
 * @param bootId the runner boot this command is meant for; another boot refuses it
 * @param kind a tool's wire name, e.g. {@code tapOn}
 * @param timeoutMs bound on the command's execution on the runner
 * @param settleAfterReply the engine's next command on this device is a plain step of the same
 *     track (no sync point, not the track's end): a mutating command may reply once its action is
 *     done and let the screen settle after the reply, holding the device until then, so the
 *     settle overlaps the hop to the next command, which waits for it (docs/runner-protocol.md §3)
 */
public record CommandEnvelope(String id, String bootId, String kind, JsonNode params, long timeoutMs, boolean settleAfterReply) {

    /** A command that settles before it replies: one-shot commands, a track's last step, before a sync point. */
    public CommandEnvelope(String id, String bootId, String kind, JsonNode params, long timeoutMs) {
        this(id, bootId, kind, params, timeoutMs, false);
    }
}
