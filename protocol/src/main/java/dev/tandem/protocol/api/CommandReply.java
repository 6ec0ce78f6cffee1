package dev.tandem.protocol.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command's result: what the runner answered ({@code tapOn}: the element tapped; {@code screenshot}:
 * the file's path…). A failed command is an {@link ErrorReply} with Tandem's code instead.
 *
 * @param element the element the command acted on, described ({@code button "Sign in" #sign_in}), or null
 */
public record CommandReply(String device, String tool, JsonNode result, String element, long durationMs) {}
