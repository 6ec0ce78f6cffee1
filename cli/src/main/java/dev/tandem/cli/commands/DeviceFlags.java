package dev.tandem.cli.commands;

import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --device LABEL=SPEC} values of a command line, checked for what needs no daemon:
 * each label once, a SPEC after every label, a bare SPEC only for a single-device plan. What needs
 * the device pool (does sim-9 exist? is the profile known?) the daemon checks before it allocates.
 */
public final class DeviceFlags {
    private DeviceFlags() {}

    /** Label to spec, in the order given; a bare SPEC is filed under the single-device label. */
    public static Map<String, String> parse(List<String> values) {
        Map<String, String> specs = new LinkedHashMap<>();
        for (String raw : values) {
            String v = raw.trim();
            int eq = v.indexOf('=');
            String label;
            String spec;
            if (eq < 0) {
                if (!isPlatformSpec(v)) throw new TandemException(ErrorCode.USAGE, bareNotASpec(v));
                label = Plan.SINGLE_DEVICE_LABEL;
                spec = v;
            } else {
                label = v.substring(0, eq).trim();
                spec = v.substring(eq + 1).trim();
                if (label.isEmpty()) {
                    throw new TandemException(ErrorCode.USAGE, "--device " + raw + ": the label before '=' is missing; write `--device A="
                            + (spec.isEmpty() ? "sim" : spec) + "`");
                }
                if (spec.isEmpty()) {
                    throw new TandemException(ErrorCode.USAGE, "--device " + raw + ": the SPEC after '=' is missing; write `--device "
                            + label + "=sim` (or web, sim:sim-1, web:pixel-7)");
                }
            }
            String earlier = specs.putIfAbsent(label, spec);
            if (earlier != null) {
                String who = label.equals(Plan.SINGLE_DEVICE_LABEL) ? "the plan's device" : "label " + label;
                throw new TandemException(ErrorCode.USAGE, "--device is given twice for " + who + " ('" + earlier + "' and '" + spec
                        + "'); give each label one device, e.g. `--device " + (label.equals(Plan.SINGLE_DEVICE_LABEL) ? "" : label + "=")
                        + earlier + "`");
            }
        }
        return specs;
    }

    /** A bare value the daemon can read as a SPEC: a platform name, optionally with {@code :ID} or {@code :PROFILE}. */
    static boolean isPlatformSpec(String v) {
        int colon = v.indexOf(':');
        String platform = colon < 0 ? v : v.substring(0, colon);
        // the platforms of the backends on the classpath, and the reserved ones (the daemon says they are not available)
        return PlatformProfile.find(platform).isPresent()
                || (Platform.isName(platform) && Platform.WELL_KNOWN.contains(Platform.of(platform)));
    }

    private static String bareNotASpec(String v) {
        int dash = v.lastIndexOf('-');
        if (dash > 0 && v.substring(dash + 1).matches("\\d+") && isPlatformSpec(v.substring(0, dash))) {
            return "--device " + v + ": a device is named PLATFORM:ID; did you mean `--device " + v.substring(0, dash) + ":" + v + "`"
                    + " (or `--device LABEL=" + v.substring(0, dash) + ":" + v + "` for a multi-device plan)?";
        }
        return "--device " + v + ": '" + v + "' is no device spec; to pick the device of label " + v + ", write `--device " + v
                + "=sim` (SPEC: sim, sim:ID, web, web:PROFILE)";
    }
}
