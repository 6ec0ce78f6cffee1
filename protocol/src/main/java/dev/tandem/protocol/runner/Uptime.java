package dev.tandem.protocol.runner;

/**
 * {@code GET /v1/uptime}: who this runner is. The daemon adopts a runner only if all of it matches.
 * {@code deviceStateSurvivesRestart} is the backend's declaration (BackendProvider): false means a
 * new boot of this device's runner is a blank device.
 */
public record Uptime(
        String bootId, long pid, String version, String artifactKey, String backend, String device, long startedAt,
        boolean deviceStateSurvivesRestart) {}
