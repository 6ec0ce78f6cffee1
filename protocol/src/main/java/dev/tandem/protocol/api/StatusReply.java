package dev.tandem.protocol.api;

import java.util.Map;

/**
 * {@code GET /v1/status}.
 *
 * @param home the daemon's state dir
 * @param startedAt epoch ms
 * @param activeRuns runs in progress
 * @param runners runner processes it supervises
 * @param settings the start-up settings (environment variables) it runs with, by name
 */
public record StatusReply(long pid, String version, String home, long startedAt, int activeRuns, int runners,
        Map<String, String> settings) {}
