package dev.tandem.sim;

import dev.tandem.apps.AppCatalog;
import dev.tandem.device.DeviceSpec;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated phone's settings.
 *
 * @param deviceId shown in snapshots; also the chat user name when a launch names none
 */
public record SimConfig(String deviceId, int width, int height, double density, LatencyProfile profile, AppCatalog catalog) {
    public static final int DEFAULT_WIDTH = 411;
    public static final int DEFAULT_HEIGHT = 891;
    public static final double DEFAULT_DENSITY = 2.625;

    public SimConfig {
        new Geometry(width, height, density); // validates
    }

    /** A Pixel-sized phone with the built-in apps and the given profile. */
    public static SimConfig defaults(String deviceId, LatencyProfile profile) {
        return new SimConfig(deviceId, DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_DENSITY, profile, AppCatalog.builtin());
    }

    /**
     * From a runner's device spec: {@code profile} picks the latency profile; options {@code apps}
     * (extra definition files separated by the path separator), {@code width}, {@code height}
     * (dp) and {@code density}.
     */
    public static SimConfig from(DeviceSpec spec) {
        LatencyProfile profile = LatencyProfile.named(spec.profile());
        AppCatalog catalog = AppCatalog.builtin();
        String apps = spec.options().get("apps");
        if (apps != null && !apps.isBlank()) {
            List<Path> files = new ArrayList<>();
            for (String f : apps.split(File.pathSeparator)) if (!f.isBlank()) files.add(Path.of(f.strip()));
            catalog = catalog.withFiles(files);
        }
        try {
            return new SimConfig(spec.deviceId() == null ? "sim" : spec.deviceId(),
                    intOption(spec, "width", DEFAULT_WIDTH), intOption(spec, "height", DEFAULT_HEIGHT),
                    spec.options().containsKey("density") ? Double.parseDouble(spec.options().get("density")) : DEFAULT_DENSITY,
                    profile, catalog);
        } catch (IllegalArgumentException e) {
            throw new TandemException(ErrorCode.USAGE, "Bad sim device option: " + e.getMessage());
        }
    }

    private static int intOption(DeviceSpec spec, String key, int fallback) {
        String v = spec.options().get(key);
        return v == null ? fallback : Integer.parseInt(v.strip());
    }

    Geometry geometry() {
        return new Geometry(width, height, density);
    }
}
