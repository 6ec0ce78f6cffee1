package dev.tandem.daemon.devices;

import dev.tandem.plan.Diagnostic;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The devices this daemon offers, from its device sources ({@code DeviceSources}: the sim and web
 * pools by default, or what {@code devices.yaml} declares). When the devices file has errors the
 * pool is empty and holds them: every request that needs a device reports them ({@link #check()}).
 *
 * @param grids the URL of each source that is a Selenium Grid, by source name: its capacity is shared
 *     with the Grid's other clients and changes with them, so a shortfall there is waited for, not refused
 */
public record DevicePool(List<DeviceSlot> slots, List<Diagnostic> problems, String file, Map<String, String> grids) {
    public static final String DEFAULT_WEB_PROFILE = "pixel-7";

    public DevicePool {
        slots = List.copyOf(slots);
        problems = List.copyOf(problems);
        grids = Map.copyOf(grids);
    }

    public DevicePool(List<DeviceSlot> slots, List<Diagnostic> problems, String file) {
        this(slots, problems, file, Map.of());
    }

    public DevicePool(List<DeviceSlot> slots) {
        this(slots, List.of(), null);
    }

    /**
     * Today's default pools from the environment alone (no devices file): {@code sim-1…sim-N}
     * (default 8, {@code TANDEM_SIM_DEVICES}) with latency {@code TANDEM_SIM_LATENCY} (default
     * {@code realistic}) and {@code web-1…web-M} (default 4, {@code TANDEM_WEB_DEVICES}).
     */
    public static DevicePool fromEnv(Map<String, String> env) {
        return new DevicePool(DevicesFile.defaults(env).stream().flatMap(s -> s.slots().stream()).toList());
    }

    /** Throws the devices file's errors (VALIDATION, with positions) if it had any. */
    public void check() {
        if (problems.isEmpty()) return;
        throw new TandemException(ErrorCode.VALIDATION, "the devices file " + file + " has " + problems.size()
                + (problems.size() == 1 ? " error" : " errors") + ", so this daemon offers no devices:\n"
                + problems.stream().map(d -> "  " + d).collect(Collectors.joining("\n"))
                + "\nFix it, then run `tandem daemon stop`: the next command starts a daemon that reads it.");
    }

    public Optional<DeviceSlot> byId(String id) {
        return slots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<DeviceSlot> ofPlatform(Platform platform) {
        return slots.stream().filter(s -> s.platform().equals(platform)).toList();
    }
}
