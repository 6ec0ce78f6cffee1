package dev.tandem.daemon;

import dev.tandem.apps.AppServices;
import dev.tandem.daemon.agent.CommandService;
import dev.tandem.daemon.agent.DeviceCommands;
import dev.tandem.daemon.agent.LeaseRegistry;
import dev.tandem.daemon.agent.RefBook;
import dev.tandem.daemon.api.DaemonApi;
import dev.tandem.daemon.api.DaemonControl;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.daemon.devices.MachineLocks;
import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.daemon.prepare.PreparedArtifacts;
import dev.tandem.daemon.run.ActiveRuns;
import dev.tandem.daemon.run.History;
import dev.tandem.daemon.run.PlanRuns;
import dev.tandem.daemon.run.RunService;
import dev.tandem.daemon.runner.RunnerAdoption;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.daemon.sources.DeviceSources;
import dev.tandem.daemon.sources.grid.GridSessions;
import dev.tandem.daemon.suite.SuiteService;
import dev.tandem.protocol.state.DaemonInfo;
import dev.tandem.protocol.state.DaemonSettings;
import dev.tandem.protocol.state.FileLock;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.state.StateSecrets;
import dev.tandem.protocol.Version;
import dev.tandem.protocol.http.LoopbackHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The daemon: the single owner of the devices for one state dir. Wires the parts together and
 * runs their lifecycle: start, serve, idle out, stop (stopping every runner it owns).
 */
public final class Daemon implements DaemonControl {
    private final StateDir state;
    private final Map<String, String> env;
    private final Log log = Log.stderr("daemon");
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final long idleTimeoutMs;
    private final long runnerTtlMs;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean stopping;
    private FileLock lock;
    private AppServices services;
    private RunnerSupervisor supervisor;
    private ActiveRuns active;
    private LoopbackHttpServer server;
    private Allocator allocator;
    private LeaseRegistry leases;
    private DaemonInfo info;
    private DeviceSources sources;

    public Daemon(StateDir state, Map<String, String> env) {
        this.state = state;
        this.env = Map.copyOf(env);
        this.idleTimeoutMs = longEnv("TANDEM_DAEMON_IDLE_MS", 30 * 60_000L);
        this.runnerTtlMs = longEnv("TANDEM_RUNNER_TTL_MS", 15 * 60_000L);
    }

    /** Starts everything; returns false when another daemon already owns the state dir. */
    public boolean start() throws IOException, InterruptedException {
        state.ensure();
        var l = FileLock.tryAcquire(state.daemonLock());
        if (l.isEmpty()) {
            log.info("another daemon (pid " + FileLock.holderPid(state.daemonLock()) + ") owns " + state.root() + "; exiting");
            return false;
        }
        lock = l.get();
        try {
            startHoldingLock();
            return true;
        } catch (IOException | RuntimeException | Error e) {
            // a daemon that cannot finish starting must not sit on daemon.lock: every CLI would
            // wait for it and `daemon status` would see no daemon
            log.warn("cannot start: " + e);
            abandonStart();
            throw e;
        }
    }

    /** Undoes a failed start: whatever was started is closed, and the lock released. */
    private void abandonStart() {
        stopping = true;
        for (AutoCloseable c : new AutoCloseable[] {server, supervisor, sources, services}) {
            if (c == null) continue;
            try {
                c.close();
            } catch (Exception | Error ignored) {
                // best effort: the process exits next
            }
        }
        lock.close();
    }

    private void startHoldingLock() throws IOException {
        long t0 = System.nanoTime();
        services = AppServices.start();
        // Grid sessions a crashed predecessor left open are closed first (with their runners), so none is adopted
        int orphans = new GridSessions(state, Log.stderr("grid")).closeOrphans();
        if (orphans > 0) log.info("closed " + orphans + " Grid sessions an earlier daemon left open");
        sources = DeviceSources.load(env, state.root());
        // a bad devices file does not stop the daemon: it offers no devices and every request says why, with positions
        sources.problems().forEach(d -> log.warn("devices file: " + d));
        DevicePool pool = sources.pool();
        MachineLocks locks = new MachineLocks(MachineLocks.defaultDir(env), state.root().toString());
        // a device's machine lock is claimed with its grant (two daemons never both grant it) and
        // given back with the lease unless this daemon's runner for it lives on
        allocator = new Allocator(pool, sources.endingWithLease(locks.claims(id -> supervisor != null
                && supervisor.list().stream().anyMatch(h -> h.deviceId().equals(id))), id -> supervisor.stopSoon(id)));
        Map<String, String> runnerEnv = new HashMap<>();
        if (env.containsKey("TANDEM_TEST_FAULTS")) runnerEnv.put("TANDEM_TEST_FAULTS", env.get("TANDEM_TEST_FAULTS"));
        RunnerLauncher launcher = new RunnerLauncher(state, runnerEnv, longEnv("TANDEM_RUNNER_ORPHAN_TTL_MS", 0));
        // runners start from prepared artifacts (prepared on a platform's first use; unprepared if that fails)
        PreparedArtifacts artifacts = PreparedArtifacts.forDaemon(state, env, Log.stderr("prepare"));
        supervisor = new RunnerSupervisor(state, pool, sources.starter(launcher), artifacts::artifact, locks, Log.stderr("runners"));
        RunnerClient client = new RunnerClient(supervisor);
        active = new ActiveRuns(state.root().resolve("runs"), log);
        int adopted = new RunnerAdoption(state, pool, supervisor, artifacts::currentKey, log).adoptAll();
        int interrupted = active.recoverInterrupted();
        History history = new History(state.history(), log);
        // Web devices never open files in the state dir or the cache (tokens); TANDEM_WEB_FILE_ROOTS adds allowed dirs.
        List<String> denied = List.of(state.root().toString(), CacheLayout.of(state.cache(), env).root().toString());
        PlanRuns planRuns = new PlanRuns(allocator, supervisor, client, services.services(), active, history,
                artifacts::ready, Log.stderr("run"), () -> StateSecrets.read(state), fileRoots(env), denied);
        leases = new LeaseRegistry(pool, allocator, Log.stderr("leases"));
        CommandService commands = new CommandService(pool, allocator, leases, new RefBook(), DeviceCommands.runners(supervisor, client),
                state.root().resolve("agent"), services.services(), fileRoots(env), denied);
        RunService runs = new RunService(pool, allocator, supervisor, planRuns, leases::holderName);
        SuiteService suites = new SuiteService(pool, allocator, supervisor, planRuns, history);
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        DaemonApi api = new DaemonApi(this, pool, sources::notes, allocator, supervisor, runs, suites, active, leases, commands);
        server = LoopbackHttpServer.start(0, token, api.routes());
        info = new DaemonInfo(ProcessHandle.current().pid(), server.port(), token, reportedVersion(env),
                System.currentTimeMillis(), state.root().toString());
        AtomicFiles.writeJson(state.daemonJson(), info, true);
        log.info("daemon " + Version.VERSION + " pid " + info.pid() + " on 127.0.0.1:" + info.port() + " for " + state.root()
                + " (adopted " + adopted + " runners, " + interrupted + " interrupted runs recorded) in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        leases.startWatching();
        Thread.ofPlatform().daemon().name("idle-watch").start(this::watchIdle);
    }

    /** The start-up settings this daemon read from its environment ({@link DaemonSettings}). */
    @Override
    public Map<String, String> settings() {
        return DaemonSettings.of(env);
    }

    /** {@code TANDEM_WEB_FILE_ROOTS}: directories (path-separator list) web devices may open local files under. */
    static List<String> fileRoots(Map<String, String> env) {
        String v = env.getOrDefault("TANDEM_WEB_FILE_ROOTS", "");
        return java.util.Arrays.stream(v.split(java.io.File.pathSeparator)).filter(x -> !x.isBlank())
                .map(x -> Path.of(x).toAbsolutePath().normalize().toString()).toList();
    }

    /**
     * The version this daemon reports in daemon.json: its own, or — for the test of a daemon left by
     * another Tandem version, and only with the test fault switch on — {@code TANDEM_TEST_DAEMON_VERSION}.
     * (Editing daemon.json instead does not last: the daemon rewrites it within a tick.)
     */
    static String reportedVersion(Map<String, String> env) {
        String v = env.get("TANDEM_TEST_DAEMON_VERSION");
        return "1".equals(env.get("TANDEM_TEST_FAULTS")) && v != null && !v.isBlank() ? v : Version.VERSION;
    }

    /** Marks activity: a request arrived. */
    @Override
    public void touch() {
        lastActivity = System.nanoTime();
    }

    private void watchIdle() {
        while (!stopping) {
            try {
                Thread.sleep(1_000); // supervision tick
            } catch (InterruptedException e) {
                return;
            }
            keepDaemonJson();
            if (active.count() > 0 || !leases.leases().isEmpty()) touch();
            long idle = (System.nanoTime() - lastActivity) / 1_000_000;
            if (idle > idleTimeoutMs) {
                log.info("idle for " + idle + " ms: stopping");
                stop();
                return;
            }
            for (String owner : allocator.expire(30_000)) {
                log.warn("lease of " + owner + " expired: its owner process is gone; devices released");
            }
            for (var h : supervisor.list()) {
                if (h.idleMs() > runnerTtlMs && !allocator.inUse(h.deviceId())) {
                    log.info("runner " + h.deviceId() + " idle for " + h.idleMs() + " ms: stopping it");
                    supervisor.stop(h.deviceId());
                }
            }
        }
    }

    /**
     * daemon.json is how CLIs find this daemon: if anything garbled, replaced or removed it while
     * we run (we hold daemon.lock, so we are its truth), it is rewritten within a tick.
     */
    private synchronized void keepDaemonJson() {
        if (stopping) return;
        byte[] expected = dev.tandem.protocol.Json.bytes(info);
        try {
            if (Files.isRegularFile(state.daemonJson(), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && java.util.Arrays.equals(Files.readAllBytes(state.daemonJson()), expected)) return;
            AtomicFiles.write(state.daemonJson(), expected, true);
            log.warn(state.daemonJson() + " was missing or not ours; rewritten");
        } catch (IOException e) {
            log.warn("cannot check or rewrite " + state.daemonJson() + ": " + e.getMessage());
        }
    }

    /** Stops runs, runners and services, then lets {@link #awaitStopped()} return. Idempotent. */
    @Override
    public synchronized void stop() {
        if (stopping) return;
        stopping = true;
        Thread.ofPlatform().name("daemon-stop").start(() -> {
            leases.close();
            active.abortAll("the daemon is stopping");
            supervisor.close();
            sources.close();
            services.close();
            try {
                Files.deleteIfExists(state.daemonJson());
            } catch (IOException ignored) {
                // the next CLI sees a dead pid and rebuilds it
            }
            server.close();
            lock.close();
            log.info("stopped");
            stopped.countDown();
        });
    }

    @Override
    public boolean stopping() {
        return stopping;
    }

    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    public boolean awaitStopped(long timeoutMs) throws InterruptedException {
        return stopped.await(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public StateDir state() {
        return state;
    }

    private long longEnv(String key, long fallback) {
        try {
            return env.containsKey(key) ? Long.parseLong(env.get(key).trim()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
