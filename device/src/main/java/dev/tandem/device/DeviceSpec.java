package dev.tandem.device;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which device a runner opens.
 *
 * @param deviceId the pool's id, e.g. {@code sim-3}
 * @param profile backend-specific: a latency profile for sim ({@code instant}, {@code realistic}),
 *     a device profile for web ({@code pixel-7})
 * @param workDir a private directory for this device (browser profile, scratch files)
 * @param options further backend settings (e.g. {@code apps}: extra app definition files)
 */
public record DeviceSpec(String deviceId, String profile, Path workDir, Map<String, String> options) {
    public DeviceSpec {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
