package dev.tandem.daemon.devices;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;

/**
 * What one plan label needs: a platform, and optionally a specific device or profile.
 * Parsed from a {@code --device LABEL=SPEC} value: {@code sim}, {@code sim:ID} (e.g. {@code sim:3}
 * or {@code sim:sim-3}), {@code web}, {@code web:PROFILE} or {@code web:ID}.
 */
public record Requirement(String label, String platform, String deviceId, String profile) {

    public static Requirement parse(String label, String spec, DevicePool pool) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String platform = colon < 0 ? s : s.substring(0, colon);
        String rest = colon < 0 ? null : s.substring(colon + 1);
        if (pool.ofPlatform(platform).isEmpty()) {
            throw new TandemException(ErrorCode.USAGE, "device spec '" + spec + "' for " + label
                    + ": unknown platform '" + platform + "'; use sim, sim:ID, web or web:PROFILE");
        }
        if (rest == null || rest.isEmpty()) return new Requirement(label, platform, null, null);
        String asId = rest.matches("\\d+") ? platform + "-" + rest : rest;
        if (pool.byId(asId).filter(d -> d.platform().equals(platform)).isPresent()) {
            return new Requirement(label, platform, asId, null);
        }
        if (platform.equals("sim")) {
            throw new TandemException(ErrorCode.USAGE, "device spec '" + spec + "' for " + label + ": no sim device '" + rest
                    + "'; sim devices are " + pool.ofPlatform("sim").stream().map(DeviceSlot::id).toList());
        }
        return new Requirement(label, platform, null, rest);
    }

    /** Whether a device can serve this requirement. */
    public boolean accepts(DeviceSlot slot) {
        if (!slot.platform().equals(platform)) return false;
        return deviceId == null || deviceId.equals(slot.id());
    }
}
