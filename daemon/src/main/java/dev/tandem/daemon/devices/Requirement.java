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
 * or {@code sim:sim-3}), {@code web}, {@code web:PROFILE} or {@code web:ID}, {@code android},
 * {@code android:SERIAL} ({@code android:emulator-5554} is device {@code android-emulator-5554}),
 * {@code ios}, {@code ios:UDID} (device {@code ios-<udid>}), or any of them with a configured device id; and any
 * of these after a source's name, {@code SOURCE:SPEC}, for that source's devices only ({@code grid:web:pixel-7},
 * {@code grid:android}; {@code grid} alone: any of its devices). Every spec that can never be served is a USAGE
 * error here, before anything is allocated or started.
 *
 * @param source the device source the device must come from, or null: any
 */
public record Requirement(String label, Platform platform, String deviceId, String profile, String source) {

    public Requirement(String label, Platform platform, String deviceId, String profile) {
        this(label, platform, deviceId, profile, null);
    }

    /** The profiles a platform's backend accepts (from its provider on the classpath); empty: any. */
    public static final Function<Platform, List<String>> BACKEND_PROFILES = platform ->
            BackendProvider.find(platform.name()).map(BackendProvider::profiles).orElse(List.of());

    /** Platforms whose devices a tool names by serial or UDID: {@code android:SERIAL}, {@code ios:UDID} (DESIGN §3). */
    private static final Set<Platform> BY_SERIAL = Set.of(Platform.ANDROID, Platform.IOS);

    public static Requirement parse(String label, String spec, DevicePool pool) {
        return parse(label, spec, pool, BACKEND_PROFILES);
    }

    /** @param profilesOf the profile names each platform accepts (empty list: any) */
    public static Requirement parse(String label, String spec, DevicePool pool, Function<Platform, List<String>> profilesOf) {
        try {
            return parseNow(label, spec, pool, profilesOf);
        } catch (TandemException e) {
            // what no device known now serves may be a Grid's newly listed (or first answering) node: look once, then say so
            if (e.code().equals(ErrorCode.USAGE) && pool.refresh()) return parseNow(label, spec, pool, profilesOf);
            throw e;
        }
    }

    private static Requirement parseNow(String label, String spec, DevicePool pool, Function<Platform, List<String>> profilesOf) {
        pool.check();
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String rest = colon < 0 ? null : s.substring(colon + 1);
        String where = "device spec '" + spec + "' for " + label;
        boolean platformHere = Platform.isName(name) && !pool.ofPlatform(Platform.of(name)).isEmpty();
        if (!platformHere && pool.slots().stream().anyMatch(d -> name.equals(d.source()))) {
            return fromSource(label, name, rest, pool, profilesOf);
        }
        if (!Platform.isName(name) || pool.ofPlatform(Platform.of(name)).isEmpty()) {
            throw new TandemException(ErrorCode.USAGE, where + ": " + unknownPlatform(s, name, pool));
        }
        Platform platform = Platform.of(name);
        if (rest == null || rest.isEmpty()) return new Requirement(label, platform, null, null);
        String asId = rest.matches("\\d+") ? platform + "-" + rest : rest;
        if (pool.byId(asId).filter(d -> d.platform().equals(platform)).isPresent()) {
            return new Requirement(label, platform, asId, null);
        }
        boolean bySerial = BY_SERIAL.contains(platform);
        if (bySerial) {
            // android:emulator-5554 is android-emulator-5554, ios:UDID is ios-<udid>: the ids discovery gives
            String serialId = DeviceIds.of(platform, rest);
            if (pool.byId(serialId).filter(d -> d.platform().equals(platform)).isPresent()) {
                return new Requirement(label, platform, serialId, null);
            }
        }
        List<String> ids = pool.ofPlatform(platform).stream().map(DeviceSlot::id).toList();
        boolean sim = platform.equals(Platform.SIM); // a sim's latency is the pool's, never a spec's
        List<String> profiles = sim ? List.of() : profilesOf.apply(platform);
        if (bySerial && profiles.stream().noneMatch(rest::equalsIgnoreCase)) {
            // a phone's spec names a device, never a free-form profile: an unknown serial is no device here
            throw new TandemException(ErrorCode.USAGE, where + ": no " + platform + " device '" + rest + "'"
                    + didYouMean(DeviceIds.of(platform, rest), ids, platform + ":") + "; " + platform + " devices are " + ids
                    + " (`tandem devices` lists them, with why any is missing)");
        }
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

    /** {@code SOURCE[:SPEC]}: the spec parsed against that source's devices alone, and bound to it. */
    private static Requirement fromSource(String label, String source, String rest, DevicePool pool,
            Function<Platform, List<String>> profilesOf) {
        DevicePool own = new DevicePool(pool.slots().stream().filter(d -> d.source().equals(source)).toList());
        if (rest == null || rest.isEmpty()) {
            Set<Platform> platforms = new LinkedHashSet<>();
            own.slots().forEach(d -> platforms.add(d.platform()));
            if (platforms.size() > 1) {
                throw new TandemException(ErrorCode.USAGE, "device spec '" + source + "' for " + label + ": source " + source
                        + " offers " + platforms + " devices; name one, e.g. `" + source + ":" + platforms.iterator().next() + "`");
            }
            return new Requirement(label, platforms.iterator().next(), null, null, source);
        }
        Requirement r = parse(label, rest, own, profilesOf);
        return new Requirement(label, r.platform(), r.deviceId(), r.profile(), source);
    }

    private static String unknownPlatform(String spec, String platform, DevicePool pool) {
        // sim-1 for sim:sim-1: the commonest slip
        var byId = pool.byId(spec);
        if (byId.isPresent()) return "no platform '" + platform + "'; did you mean `" + byId.get().platform() + ":" + spec + "`?";
        Set<String> platforms = new LinkedHashSet<>();
        pool.slots().forEach(d -> platforms.add(d.platform().name()));
        if (Platform.isName(platform) && BY_SERIAL.contains(Platform.of(platform))) {
            return "no " + platform + " devices: none is configured in devices.yaml or discovered (`tandem devices` says why); "
                    + "use sim, sim:ID, web or web:PROFILE";
        }
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
        if (source != null && !source.equals(slot.source())) return false;
        return deviceId == null || deviceId.equals(slot.id());
    }
}
