package dev.tandem.daemon.sources;

import dev.tandem.daemon.devices.AppiumEntries;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.MachineLocks;
import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.DevicesFile;
import dev.tandem.daemon.runner.RunnerStarter;
import dev.tandem.plan.Diagnostic;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's device sources, assembled once at start: from {@code devices.yaml} (the local sim
 * and web pools; no file: today's defaults) or, in tests, from any {@link DeviceSource}s. Gives the
 * allocator its pool and the supervisor the way each device's runner starts.
 */
public final class DeviceSources {
    private final List<DeviceSource> sources;
    private final Map<String, DeviceSource> byDevice = new LinkedHashMap<>();
    private final DevicePool pool;

    /** Sources whose device ids must be unique across all of them. */
    public DeviceSources(List<DeviceSource> sources) {
        this(sources, null);
    }

    private DeviceSources(List<DeviceSource> sources, DevicesFile.Loaded loaded) {
        this.sources = List.copyOf(sources);
        List<DeviceSlot> slots = new ArrayList<>();
        for (DeviceSource s : this.sources) {
            for (DeviceSlot d : s.devices()) {
                DeviceSource other = byDevice.putIfAbsent(d.id(), s);
                if (other != null) {
                    throw new TandemException(ErrorCode.USAGE, "sources " + other.name() + " and " + s.name() + " both offer a device "
                            + d.id() + "; give each source its own device ids");
                }
                slots.add(d);
            }
        }
        this.pool = loaded == null || loaded.problems().isEmpty() ? new DevicePool(slots, List.of(), loaded == null ? null : loaded.file())
                : loaded.pool();
    }

    /** The sources a daemon with this environment declares ({@link DevicesFile}): its problems, if any, are in {@link #problems()}. */
    public static DeviceSources load(Map<String, String> env, Path stateRoot) {
        DevicesFile.Loaded loaded = DevicesFile.load(env, stateRoot);
        List<DeviceSource> sources = new ArrayList<>();
        for (DevicesFile.Pool p : loaded.pools()) sources.add(new LocalPool(p));
        StateDir state = new StateDir(stateRoot);
        for (AppiumEntries.Pool p : loaded.appium()) {
            sources.add(new AppiumSource(p, state, CacheLayout.of(state.cache(), env), MachineLocks.defaultDir(env)));
        }
        return new DeviceSources(sources, loaded);
    }

    public DevicePool pool() {
        return pool;
    }

    public List<DeviceSource> sources() {
        return sources;
    }

    /**
     * Lines for {@code tandem devices} about sources that offer fewer devices than a user may expect,
     * e.g. why discovery found no Android device (adb is not installed). Empty when there is nothing to say.
     */
    public List<String> notes() {
        return List.of(); // filled in by the appium source's discovery (issue 13)
    }

    /** What is wrong with the devices file (then the pool is empty and says so to every request). */
    public List<Diagnostic> problems() {
        return pool.problems();
    }

    /** Starts each device's runner the way its source does; {@code processes} starts runner processes. */
    public RunnerStarter starter(RunnerStarter processes) {
        return (launch, artifact) -> {
            DeviceSource s = byDevice.get(launch.deviceId());
            if (s == null) {
                throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, "no device '" + launch.deviceId() + "'; `tandem devices` lists them");
            }
            return s.open(launch, artifact, processes);
        };
    }
}
