package dev.tandem.protocol.runner;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One command sent to a runner: {@code POST /v1/commands}.
 *
 * @param id unique per daemon; resending the same id never executes twice
 * @param bootId the runner boot this command is meant for; another boot refuses it
 * @param kind a tool's wire name, e.g. {@code tapOn}
 * @param timeoutMs bound on the command's execution on the runner
 */
public record CommandEnvelope(String id, String bootId, String kind, JsonNode params, long timeoutMs) {}
