package dev.tandem.daemon.runner;

import dev.tandem.protocol.state.StateRecord;
import java.util.List;

/**
 * {@code runners/<device>.json}: what a later daemon needs to adopt a live runner (DESIGN §5).
 * Mode 0600: it holds the runner's token.
 */
public record RunnerFile(
        String device, String platform, String profile, long pid, int port, String bootId, String token,
        String artifactKey, String version, long startedAt) implements StateRecord {
    @Override
    public List<String> problems() {
        return Problems.of().text("device", device).text("platform", platform).positive("pid", pid).port("port", port)
                .text("bootId", bootId).text("token", token).text("artifactKey", artifactKey).text("version", version).list();
    }
}
