package dev.tandem.daemon.devices;

import dev.tandem.plan.Diagnostic;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The devices this daemon offers, from its device sources ({@code DeviceSources}: the sim and web
 * pools by default, or what {@code devices.yaml} declares). When the devices file has errors the
 * pool is empty and holds them: every request that needs a device reports them ({@link #check()}).
 * A Grid's devices follow the Grid ({@link DeviceList}): {@link #slots()} is what can be leased now.
 */
public final class DevicePool {
    public static final String DEFAULT_WEB_PROFILE = "pixel-7";
    private final DeviceList devices;
    private final List<Diagnostic> problems;
    private final String file;
    private final Map<String, String> grids;
    /** One look at the sources at a time for {@link #refreshSoon()}: a waiting run never starts a second. */
    private final AtomicBoolean refreshing = new AtomicBoolean();

    /**
     * @param grids the URL of each source that is a Selenium Grid, by source name: its capacity is shared
     *     with the Grid's other clients and changes with them, so a shortfall there is waited for, not refused
     */
    public DevicePool(DeviceList devices, List<Diagnostic> problems, String file, Map<String, String> grids) {
        this.devices = devices;
        this.problems = List.copyOf(problems);
        this.file = file;
        this.grids = Map.copyOf(grids);
    }

    public DevicePool(List<DeviceSlot> slots, List<Diagnostic> problems, String file, Map<String, String> grids) {
        this(DeviceList.fixed(slots), problems, file, grids);
    }

    public DevicePool(List<DeviceSlot> slots, List<Diagnostic> problems, String file) {
        this(slots, problems, file, Map.of());
    }

    public DevicePool(List<DeviceSlot> slots) {
        this(slots, List.of(), null);
    }

    /** The devices that can be leased now. */
    public List<DeviceSlot> slots() {
        return devices.offered();
    }

    /** Devices a Grid offered and does not now (its node left): never granted; a lease holding one keeps it. */
    public List<DeviceSlot> gone() {
        return devices.gone();
    }

    public List<Diagnostic> problems() {
        return problems;
    }

    public String file() {
        return file;
    }

    public Map<String, String> grids() {
        return grids;
    }

    /**
     * Looks at the sources that can change again (a Grid's {@code /status}; bounded, at most once a
     * second each), now: for {@code tandem devices}, and for a request the known devices cannot serve.
     * True when devices appeared or went.
     */
    public boolean refresh() {
        return devices.refresh();
    }

    /** {@link #refresh()} on another thread, unless one is under way: a waiting run's poll never waits on the network. */
    public void refreshSoon() {
        if (grids.isEmpty() || !refreshing.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("device-refresh").start(() -> {
            try {
                devices.refresh();
            } finally {
                refreshing.set(false);
            }
        });
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

    /** A device by id, offered now or gone (a lease may still hold a gone one). */
    public Optional<DeviceSlot> byId(String id) {
        return Stream.concat(slots().stream(), gone().stream()).filter(s -> s.id().equals(id)).findFirst();
    }

    public List<DeviceSlot> ofPlatform(Platform platform) {
        return slots().stream().filter(s -> s.platform().equals(platform)).toList();
    }
}
