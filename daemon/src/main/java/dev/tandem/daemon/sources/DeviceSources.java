package dev.tandem.daemon.sources;

import dev.tandem.daemon.devices.AppiumEntries;
import dev.tandem.daemon.devices.DeviceClaims;
import dev.tandem.daemon.devices.GridEntries;
import dev.tandem.daemon.sources.grid.GridSessions;
import dev.tandem.protocol.state.Log;
import dev.tandem.daemon.devices.DeviceList;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.MachineLocks;
import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.daemon.sources.appium.Discovery;
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
public final class DeviceSources implements AutoCloseable {
    private final List<DeviceSource> sources;
    /** Whose each device id is: the first source to offer it (ids a Grid gives later join as they appear). */
    private final Map<String, DeviceSource> byDevice = new java.util.concurrent.ConcurrentHashMap<>();
    private final DevicePool pool;
    /** How long adb and simctl may take to list their devices (adb may have to start its server first). */
    static final java.time.Duration DISCOVERY_TIMEOUT = java.time.Duration.ofSeconds(5);
    private List<String> notes = List.of();

    /** Sources whose device ids must be unique across all of them. */
    public DeviceSources(List<DeviceSource> sources) {
        this(sources, null);
    }

    private DeviceSources(List<DeviceSource> sources, DevicesFile.Loaded loaded) {
        this.sources = List.copyOf(sources);
        for (DeviceSource s : this.sources) {
            for (DeviceSlot d : s.devices()) {
                DeviceSource other = byDevice.putIfAbsent(d.id(), s);
                if (other != null) {
                    throw new TandemException(ErrorCode.USAGE, "sources " + other.name() + " and " + s.name() + " both offer a device "
                            + d.id() + "; give each source its own device ids");
                }
            }
        }
        Live live = new Live();
        Map<String, String> grids = new LinkedHashMap<>();
        for (DeviceSource s : this.sources) s.gridUrl().ifPresent(url -> grids.put(s.name(), url));
        this.pool = loaded == null || loaded.problems().isEmpty()
                ? new DevicePool(live, List.of(), loaded == null ? null : loaded.file(), grids) : loaded.pool();
    }

    /** Every source's devices now; a refresh asks each source to look again and collects what changed. */
    private final class Live implements DeviceList {
        private volatile List<DeviceSlot> offered;
        private volatile List<DeviceSlot> gone;

        Live() {
            collect();
        }

        @Override
        public List<DeviceSlot> offered() {
            return offered;
        }

        @Override
        public List<DeviceSlot> gone() {
            return gone;
        }

        @Override
        public synchronized boolean refresh() {
            boolean changed = false;
            for (DeviceSource s : sources) changed |= s.refresh();
            if (changed) collect();
            return changed;
        }

        /** A new id another source already offers stays that source's: the newcomer's is not offered. */
        private void collect() {
            List<DeviceSlot> now = new ArrayList<>();
            List<DeviceSlot> was = new ArrayList<>();
            for (DeviceSource s : sources) {
                for (DeviceSlot d : s.devices()) {
                    DeviceSource owner = byDevice.putIfAbsent(d.id(), s);
                    if (owner == null || owner == s) now.add(d);
                }
                for (DeviceSlot d : s.gone()) if (byDevice.get(d.id()) == s) was.add(d);
            }
            offered = List.copyOf(now);
            gone = List.copyOf(was);
        }
    }

    /** The sources a daemon with this environment declares ({@link DevicesFile}): its problems, if any, are in {@link #problems()}. */
    public static DeviceSources load(Map<String, String> env, Path stateRoot) {
        DevicesFile.Loaded loaded = DevicesFile.load(env, stateRoot);
        List<DeviceSource> sources = new ArrayList<>();
        for (DevicesFile.Pool p : loaded.pools()) sources.add(new LocalPool(p));
        StateDir state = new StateDir(stateRoot);
        List<AppiumEntries.Pool> appium = new ArrayList<>(loaded.appium());
        List<String> notes = List.of();
        // no devices file: sims, web pages and whatever phones are plugged in; a file: what it declares
        boolean discover = loaded.problems().isEmpty() && (loaded.file() == null || appium.stream().anyMatch(AppiumEntries.Pool::discover));
        if (discover) {
            Discovery.Result found = Discovery.run(env, DISCOVERY_TIMEOUT);
            List<AppiumEntries.Device> devices = found.devices().stream()
                    .map(d -> new AppiumEntries.Device(d.id(), d.platform(), d.capabilities())).toList();
            int at = java.util.stream.IntStream.range(0, appium.size()).filter(i -> appium.get(i).discover()).findFirst().orElse(-1);
            if (at >= 0) appium.set(at, appium.get(at).with(devices));
            else if (!devices.isEmpty()) appium.add(new AppiumEntries.Pool("discovered", null, devices, true));
            notes = found.notes();
            if (!notes.isEmpty()) {
                notes = new ArrayList<>(notes);
                notes.add("devices are discovered when the daemon starts: after connecting a phone or booting a simulator, run `tandem daemon stop`");
                notes = List.copyOf(notes);
            }
        }
        for (AppiumEntries.Pool p : appium) {
            sources.add(new AppiumSource(p, state, CacheLayout.of(state.cache(), env), MachineLocks.defaultDir(env)));
        }
        GridSessions gridSessions = new GridSessions(state, Log.stderr("grid"));
        for (GridEntries.Source g : loaded.grids()) {
            sources.add(new GridSource(g, gridSessions, MachineLocks.defaultDir(env), Log.stderr("grid")));
        }
        DeviceSources out = new DeviceSources(sources, loaded);
        out.notes = notes;
        return out;
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
        List<String> out = new ArrayList<>(notes);
        sources.forEach(s -> out.addAll(s.notes()));
        return out;
    }

    /**
     * The allocator's claims, with the runner of a device whose source {@linkplain DeviceSource#endsWithLease
     * ends it with its lease} stopped as that lease gives the device back (a Grid session closes with it).
     */
    public DeviceClaims endingWithLease(DeviceClaims claims, java.util.function.Consumer<String> stopRunner) {
        return new DeviceClaims() {
            @Override
            public java.util.Optional<MachineLocks.Holder> heldElsewhere(String deviceId) {
                return claims.heldElsewhere(deviceId);
            }

            @Override
            public boolean held(String deviceId) {
                return claims.held(deviceId);
            }

            @Override
            public java.util.Optional<MachineLocks.Holder> claim(String deviceId) {
                return claims.claim(deviceId);
            }

            @Override
            public void unclaim(String deviceId) {
                DeviceSource s = byDevice.get(deviceId);
                if (s != null && s.endsWithLease()) stopRunner.accept(deviceId);
                claims.unclaim(deviceId);
            }

            @Override
            public void awaitGivenBack(java.util.Collection<String> deviceIds, long ms) throws InterruptedException {
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(ms);
                for (String id : deviceIds) {
                    DeviceSource s = byDevice.get(id);
                    if (s != null && s.endsWithLease()) s.awaitEnded(id, deadline);
                }
            }
        };
    }

    /** Daemon stop: sources that hold something outside this host (Grid sessions) let it go. */
    @Override
    public void close() {
        for (DeviceSource s : sources) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // best effort; the next daemon closes what is on record
                }
            }
        }
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
