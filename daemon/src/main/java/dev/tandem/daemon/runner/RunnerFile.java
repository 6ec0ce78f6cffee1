package dev.tandem.daemon.runner;

import dev.tandem.protocol.state.StateRecord;
import java.util.List;
import java.util.Map;

/**
 * {@code runners/<device>.json}: what a later daemon needs to adopt a live runner (DESIGN §5).
 * Mode 0600: it holds the runner's token.
 *
 * @param ports the host ports the device's helpers listen on (an Appium device's server and driver
 *     ports, DESIGN §7), by name; kept when its next runner starts and they are still free. Empty for
 *     sim and web; absent in files older than it
 */
public record RunnerFile(
        String device, String platform, String profile, long pid, int port, String bootId, String token,
        String artifactKey, String version, long startedAt, Map<String, Integer> ports) implements StateRecord {

    public RunnerFile {
        ports = ports == null ? Map.of() : Map.copyOf(ports);
    }

    public RunnerFile(String device, String platform, String profile, long pid, int port, String bootId, String token,
            String artifactKey, String version, long startedAt) {
        this(device, platform, profile, pid, port, bootId, token, artifactKey, version, startedAt, Map.of());
    }

    @Override
    public List<String> problems() {
        return Problems.of().text("device", device).text("platform", platform).positive("pid", pid).port("port", port)
                .text("bootId", bootId).text("token", token).text("artifactKey", artifactKey).text("version", version).list();
    }
}
