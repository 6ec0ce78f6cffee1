package dev.tandem.daemon.runner;

/**
 * {@code runners/<device>.json}: what a later daemon needs to adopt a live runner (DESIGN §5).
 * Mode 0600: it holds the runner's token.
 */
public record RunnerFile(
        String device, String platform, String profile, long pid, int port, String bootId, String token,
        String artifactKey, String version, long startedAt) {}
