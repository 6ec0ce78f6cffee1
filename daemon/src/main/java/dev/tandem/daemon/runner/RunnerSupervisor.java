package dev.tandem.daemon.runner;

import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.DeviceSlot;
import dev.tandem.daemon.devices.MachineLocks;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Owns the runner processes: starts one on demand per device, replaces dead or mismatched ones,
 * stops them. One start at a time per device; different devices start in parallel.
 */
public final class RunnerSupervisor implements RunnerClient.Runners, AutoCloseable {
    private final StateDir state;
    private final DevicePool pool;
    private final RunnerStarter launcher;
    private final Function<String, RunnerLauncher.Artifact> artifacts;
    private final Log log;
    private final MachineLocks locks;
    private final Map<String, RunnerHandle> runners = new ConcurrentHashMap<>();
    private final Map<String, Object> startLocks = new ConcurrentHashMap<>();
    private final Map<String, String> profiles = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();

    /**
     * @param launcher starts a device's runner: a process, or however its device source starts it
     * @param artifacts the artifact to launch a platform's runners from (prepared, or the daemon's own classpath)
     */
    public RunnerSupervisor(StateDir state, DevicePool pool, RunnerStarter launcher,
            Function<String, RunnerLauncher.Artifact> artifacts, MachineLocks locks, Log log) {
        this.locks = locks;
        this.state = state;
        this.pool = pool;
        this.launcher = launcher;
        this.artifacts = artifacts;
        this.log = log;
    }

    /** The device's runner, started if there is none (or it died). */
    @Override
    public RunnerHandle current(String deviceId) {
        RunnerHandle h = runners.get(deviceId);
        if (h != null && h.alive()) return h;
        synchronized (startLocks.computeIfAbsent(deviceId, k -> new Object())) {
            h = runners.get(deviceId);
            if (h != null && h.alive()) return h;
            return start(deviceId);
        }
    }

    /**
     * The device's runner with this profile (null: the device's own), restarting one started with
     * another profile or from another artifact, and using an explicit port when one is set.
     */
    public RunnerHandle ensure(String deviceId, String profile) {
        DeviceSlot slot = slot(deviceId);
        String wanted = profile != null ? profile : slot.profile();
        synchronized (startLocks.computeIfAbsent(deviceId, k -> new Object())) {
            if (wanted != null) profiles.put(deviceId, wanted); // an Appium device has no profile
            RunnerHandle h = runners.get(deviceId);
            String key = artifacts.apply(slot.platform().name()).artifactKey();
            Integer port = ports.get(deviceId);
            boolean portOk = port == null || (h != null && port == h.file().port());
            if (h != null && h.alive() && Objects.equals(h.file().profile(), wanted) && key.equals(h.file().artifactKey()) && portOk) {
                return h;
            }
            if (h != null) {
                if (!h.alive()) {
                    log.warn("runner " + deviceId + " (pid " + h.pid() + ", boot " + h.bootId() + ") " + h.exitDescription()
                            + "; starting a new one");
                } else {
                    log.info("replacing runner " + deviceId + " (pid " + h.pid() + "): " + changes(h, wanted, key, portOk));
                }
                stopQuietly(h);
            }
            return start(deviceId);
        }
    }

    /** What differs between a live runner and the one wanted, for the log: only what changed. */
    private static String changes(RunnerHandle h, String profile, String artifactKey, boolean portOk) {
        java.util.List<String> c = new java.util.ArrayList<>();
        if (!Objects.equals(h.file().profile(), profile)) c.add("profile " + h.file().profile() + " → " + profile);
        if (!artifactKey.equals(h.file().artifactKey())) c.add("artifact " + h.file().artifactKey() + " → " + artifactKey);
        if (!portOk) c.add("port " + h.file().port() + " → the one asked for");
        return String.join(", ", c);
    }

    @Override
    public void retire(String deviceId, RunnerHandle dead) {
        synchronized (startLocks.computeIfAbsent(deviceId, k -> new Object())) {
            log.warn("runner " + deviceId + " (pid " + dead.pid() + ", boot " + dead.bootId() + ") " + dead.exitDescription()
                    + " during a run; its device's state does not survive a runner restart: the device fails with DEVICE_RESET"
                    + " (the next run starts a new runner)");
            if (runners.remove(deviceId, dead) && dead.alive()) dead.kill();
        }
    }

    @Override
    public RunnerHandle replace(String deviceId, RunnerHandle dead) {
        synchronized (startLocks.computeIfAbsent(deviceId, k -> new Object())) {
            RunnerHandle h = runners.get(deviceId);
            if (h != null && h != dead && h.alive()) return h;
            log.warn("runner " + deviceId + " (pid " + dead.pid() + ", boot " + dead.bootId() + ") " + dead.exitDescription()
                    + "; starting a new one");
            dead.kill();
            return start(deviceId);
        }
    }

    /** Sets an explicit port for a device's next runner start (validated by the runner's bind). */
    public void setPort(String deviceId, Integer port) {
        if (port == null) ports.remove(deviceId);
        else ports.put(deviceId, port);
    }

    /**
     * Registers a runner adopted from an earlier daemon; false when another daemon took the device
     * meanwhile (the caller then stops the runner).
     */
    public boolean adopt(RunnerHandle h) {
        var holder = locks.acquire(h.deviceId());
        if (holder.isPresent()) {
            log.warn("cannot adopt runner " + h.deviceId() + ": the device is now driven by " + holder.get());
            return false;
        }
        runners.put(h.deviceId(), h);
        if (h.file().profile() != null) profiles.put(h.deviceId(), h.file().profile());
        return true;
    }

    private RunnerHandle start(String deviceId) {
        DeviceSlot slot = slot(deviceId);
        String profile = profiles.getOrDefault(deviceId, slot.profile());
        PlatformProfile platform = PlatformProfile.of(slot.platform());
        var holder = locks.acquire(deviceId);
        if (holder.isPresent()) {
            throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, deviceId + " is driven by another Tandem daemon ("
                    + holder.get() + "); stop that daemon (`TANDEM_HOME=" + holder.get().home() + " tandem daemon stop`) or pick another device");
        }
        long t0 = System.nanoTime();
        RunnerHandle h;
        try {
            h = launcher.start(new RunnerLauncher.Launch(deviceId, platform, profile,
                ports.getOrDefault(deviceId, 0), Map.of()), artifacts.apply(slot.platform().name()));
        } catch (RuntimeException e) {
            locks.release(deviceId);
            throw e;
        }
        runners.put(deviceId, h);
        log.info("runner " + deviceId + " started: pid " + h.pid() + ", port " + h.file().port() + ", boot " + h.bootId()
                + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        return h;
    }

    private DeviceSlot slot(String deviceId) {
        return pool.byId(deviceId).orElseThrow(() -> new TandemException(ErrorCode.DEVICE_UNAVAILABLE,
                "no device '" + deviceId + "'; `tandem devices` lists them"));
    }

    public List<RunnerHandle> list() {
        return List.copyOf(runners.values());
    }

    /** Devices with a live runner: allocation prefers them (no start-up cost). */
    public Set<String> warm() {
        return runners.values().stream().filter(RunnerHandle::alive).map(RunnerHandle::deviceId).collect(Collectors.toSet());
    }

    /**
     * Stops the device's runner without making the caller wait (its lease ended and its source does
     * not keep runners warm); a run that asks for the device meanwhile starts a new one.
     */
    public void stopSoon(String deviceId) {
        RunnerHandle h = runners.remove(deviceId);
        if (h == null) return;
        h.markStoppedByDaemon();
        Thread.ofVirtual().name("stop-" + deviceId).start(() -> stopQuietly(h));
    }

    public void stop(String deviceId) {
        RunnerHandle h = runners.remove(deviceId);
        if (h != null) stopQuietly(h);
        locks.release(deviceId);
    }

    private void stopQuietly(RunnerHandle h) {
        h.markStoppedByDaemon();
        runners.remove(h.deviceId(), h);
        try {
            h.client().send("POST", "/v1/shutdown", new byte[0], 2_000);
        } catch (IOException ignored) {
            // already gone or stuck: killed below
        }
        if (!h.awaitExit(5_000)) h.kill();
        h.client().close();
        try {
            // only this runner's file: a runner started for the device since (after stopSoon) has written its own
            Path f = state.runnerFile(h.deviceId());
            if (Files.isRegularFile(f) && dev.tandem.protocol.Json.read(Files.readString(f), RunnerFile.class).bootId().equals(h.bootId())) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | RuntimeException ignored) {
            // a stale or torn file is detected (dead pid) and rebuilt by the next daemon
        }
    }

    /** Stops every runner (daemon stop). */
    @Override
    public void close() {
        List<Thread> stops = runners.values().stream()
                .map(h -> Thread.ofVirtual().start(() -> {
                    stopQuietly(h);
                    locks.release(h.deviceId());
                })).toList();
        for (Thread t : stops) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
