package dev.tandem.daemon.sources;

import dev.tandem.daemon.devices.AppiumEntries;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.daemon.prepare.appium.AppiumInstall;
import dev.tandem.daemon.prepare.appium.AppiumInstalls;
import dev.tandem.daemon.runner.RunnerFile;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.daemon.runner.RunnerStarter;
import dev.tandem.device.AppiumLaunch;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.state.StateDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code type: appium} source: its devices' runners are processes on this host that each start
 * and own an Appium server from the prepared install (or use the source's {@code server:} URL), with
 * the host ports Tandem assigns (DESIGN §7). What the runner needs travels as an {@link AppiumLaunch}.
 *
 * @param lockDir the machine-wide lock directory, where runners lock their host ports
 */
public final class AppiumSource implements DeviceSource {
    private final AppiumEntries.Pool pool;
    private final StateDir state;
    private final CacheLayout cache;
    private final Path lockDir;
    /** The ports each device's last runner of this daemon had: its runner file is gone once the daemon stopped that runner. */
    private final Map<String, Map<String, Integer>> lastPorts = new java.util.concurrent.ConcurrentHashMap<>();

    public AppiumSource(AppiumEntries.Pool pool, StateDir state, CacheLayout cache, Path lockDir) {
        this.pool = pool;
        this.state = state;
        this.cache = cache;
        this.lockDir = lockDir;
    }

    @Override
    public String name() {
        return pool.name();
    }

    @Override
    public List<DeviceSlot> devices() {
        return pool.slots();
    }

    @Override
    public RunnerHandle open(RunnerLauncher.Launch launch, RunnerLauncher.Artifact artifact, RunnerStarter processes) {
        AppiumEntries.Device device = pool.devices().stream().filter(d -> d.id().equals(launch.deviceId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("source " + pool.name() + " has no device " + launch.deviceId()));
        Path bin = null;
        Path home = null;
        if (pool.server() == null) {
            Set<String> drivers = Set.of(device.automationName());
            AppiumInstall install = AppiumInstalls.find(cache.root(), drivers)
                    .orElseThrow(() -> AppiumInstalls.missing(cache.root(), drivers));
            bin = install.appiumBin();
            home = install.appiumHome();
        }
        AppiumLaunch appium = new AppiumLaunch(device.capabilities(), pool.server(), bin, home, lockDir, previousPorts(launch.deviceId()));
        Map<String, String> options = new HashMap<>(launch.options());
        options.putAll(appium.toOptions());
        RunnerHandle h = processes.start(new RunnerLauncher.Launch(launch.deviceId(), launch.platform(), launch.profile(), launch.port(),
                options), artifact);
        lastPorts.put(launch.deviceId(), h.file().ports());
        return h;
    }

    /** The ports the device's last runner had: from {@code runners/<device>.json} (a runner of an earlier daemon), else from this daemon's memory. */
    private Map<String, Integer> previousPorts(String deviceId) {
        Path file = state.runnerFile(deviceId);
        if (!Files.isRegularFile(file)) return lastPorts.getOrDefault(deviceId, Map.of());
        try {
            return Json.read(Files.readString(file), RunnerFile.class).ports();
        } catch (IOException | RuntimeException e) {
            return lastPorts.getOrDefault(deviceId, Map.of()); // a torn file only costs fresh ports
        }
    }
}
