package dev.tandem.cli.commands;

import dev.tandem.client.DeviceSpecs;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.protocol.Platform;
import java.util.List;
import java.util.Map;

/**
 * The {@code --device LABEL=SPEC} values of a command line, parsed by the client's {@link DeviceSpecs}
 * (shared with the JUnit engine); a bare SPEC is any platform of the backends on this classpath.
 */
public final class DeviceFlags {
    private static final DeviceSpecs SPECS = new DeviceSpecs("--device", " ", DeviceFlags::isPlatform);

    private DeviceFlags() {}

    /** Label to spec, in the order given; a bare SPEC is filed under the single-device label. */
    public static Map<String, String> parse(List<String> values) {
        return SPECS.parse(values);
    }

    // the platforms of the backends on the classpath, and the reserved ones (the daemon says they are not available)
    private static boolean isPlatform(String platform) {
        return PlatformProfile.find(platform).isPresent()
                || (Platform.isName(platform) && Platform.WELL_KNOWN.contains(Platform.of(platform)));
    }
}
