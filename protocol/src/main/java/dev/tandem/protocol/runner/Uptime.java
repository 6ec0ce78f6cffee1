package dev.tandem.protocol.runner;

/** {@code GET /v1/uptime}: who this runner is. The daemon adopts a runner only if all of it matches. */
public record Uptime(
        String bootId, long pid, String version, String artifactKey, String backend, String device, long startedAt) {}
