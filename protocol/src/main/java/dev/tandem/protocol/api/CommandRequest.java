package dev.tandem.protocol.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/commands}: one tool on one device, outside any plan (MCP device tools, the
 * one-shot CLI commands, the Java API). The params are those a plan step of the tool takes
 * (checked by the same validator) and the result is the runner's.
 *
 * @param lease the caller's lease holding {@code device}; null: a one-shot command, which takes an
 *              exclusive lease on the device for the command only (waiting up to {@code waitMs})
 * @param device the device id
 * @param tool the tool's wire name ({@code tapOn})
 * @param params the step's params (selector keys, text, button…)
 * @param ref an element of the caller's latest snapshot of the device ({@code e3} or {@code @e3}), used as the selector
 * @param waitMs one-shot only: how long to wait for a busy device (null or 0: fail at once naming the holder)
 * @param clientPid the caller's pid (one-shot: recorded on the lease)
 */
public record CommandRequest(String lease, String device, String tool, ObjectNode params, String ref, Long waitMs,
        long clientPid) {}
