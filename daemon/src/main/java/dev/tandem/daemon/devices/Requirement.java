package dev.tandem.daemon.devices;

import dev.tandem.device.BackendProvider;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.Suggest;
import dev.tandem.protocol.TandemException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What one plan label needs: a platform, and optionally a specific device or profile.
 * Parsed from a {@code --device LABEL=SPEC} value: {@code sim}, {@code sim:ID} (e.g. {@code sim:3}
 * or {@code sim:sim-3}), {@code web}, {@code web:PROFILE} or {@code web:ID}. Every spec that can
 * never be served is a USAGE error here, before anything is allocated or started.
 */
public record Requirement(String label, Platform platform, String deviceId, String profile) {

    /** The profiles a platform's backend accepts (from its provider on the classpath); empty: any. */
    public static final Function<Platform, List<String>> BACKEND_PROFILES = platform ->
            BackendProvider.find(platform.name()).map(BackendProvider::profiles).orElse(List.of());

    public static Requirement parse(String label, String spec, DevicePool pool) {
        return parse(label, spec, pool, BACKEND_PROFILES);
    }

    /** @param profilesOf the profile names each platform accepts (empty list: any) */
    public static Requirement parse(String label, String spec, DevicePool pool, Function<Platform, List<String>> profilesOf) {
        pool.check();
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String rest = colon < 0 ? null : s.substring(colon + 1);
        String where = "device spec '" + spec + "' for " + label;
        if (!Platform.isName(name) || pool.ofPlatform(Platform.of(name)).isEmpty()) {
            throw new TandemException(ErrorCode.USAGE, where + ": " + unknownPlatform(s, name, pool));
        }
        Platform platform = Platform.of(name);
        if (rest == null || rest.isEmpty()) return new Requirement(label, platform, null, null);
        String asId = rest.matches("\\d+") ? platform + "-" + rest : rest;
        if (pool.byId(asId).filter(d -> d.platform().equals(platform)).isPresent()) {
            return new Requirement(label, platform, asId, null);
        }
        List<String> ids = pool.ofPlatform(platform).stream().map(DeviceSlot::id).toList();
        boolean sim = platform.equals(Platform.SIM); // a sim's latency is the pool's, never a spec's
        List<String> profiles = sim ? List.of() : profilesOf.apply(platform);
        if (sim || asId.matches(java.util.regex.Pattern.quote(platform.name()) + "-\\d+")) {
            throw new TandemException(ErrorCode.USAGE, where + ": no " + platform + " device '" + rest + "'"
                    + didYouMean(asId, ids, platform + ":") + "; " + platform + " devices are " + ids
                    + " (`tandem devices` lists them)");
        }
        if (!profiles.isEmpty() && profiles.stream().noneMatch(rest::equalsIgnoreCase)) {
            throw new TandemException(ErrorCode.USAGE, where + ": no " + platform + " profile '" + rest + "'"
                    + didYouMean(rest, profiles, platform + ":") + "; profiles are " + String.join(", ", profiles)
                    + ", devices are " + ids);
        }
        return new Requirement(label, platform, null, rest);
    }

    private static String unknownPlatform(String spec, String platform, DevicePool pool) {
        // sim-1 for sim:sim-1: the commonest slip
        var byId = pool.byId(spec);
        if (byId.isPresent()) return "no platform '" + platform + "'; did you mean `" + byId.get().platform() + ":" + spec + "`?";
        Set<String> platforms = new LinkedHashSet<>();
        pool.slots().forEach(d -> platforms.add(d.platform().name()));
        String close = Suggest.closest(platform, platforms);
        return "unknown platform '" + platform + "'" + (close != null ? " (did you mean `" + close + "`?)" : "")
                + "; use sim, sim:ID, web or web:PROFILE";
    }

    private static String didYouMean(String input, List<String> candidates, String prefix) {
        String close = Suggest.closest(input, candidates);
        return close == null ? "" : " (did you mean `" + prefix + close + "`?)";
    }

    /** Whether a device can serve this requirement. */
    public boolean accepts(DeviceSlot slot) {
        if (!slot.platform().equals(platform)) return false;
        return deviceId == null || deviceId.equals(slot.id());
    }
}
