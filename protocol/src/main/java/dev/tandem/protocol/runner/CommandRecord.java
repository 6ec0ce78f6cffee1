package dev.tandem.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorInfo;

/**
 * What a runner knows of one command: its state and, once ended, its result or error.
 *
 * @param bootId the boot that holds (or held) the command
 */
public record CommandRecord(
        String id, String bootId, String kind, CommandState state, JsonNode result, ErrorInfo error, Timings timings) {

    public static CommandRecord notAccepted(String id, String bootId) {
        return new CommandRecord(id, bootId, null, CommandState.NOT_ACCEPTED, null, null, Timings.NONE);
    }
}
