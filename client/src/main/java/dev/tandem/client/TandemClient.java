package dev.tandem.client;

import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.state.DaemonInfo;
import dev.tandem.protocol.state.DaemonSettings;
import dev.tandem.protocol.state.FileLock;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.Version;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.CommandRequest;
import dev.tandem.protocol.api.DevicesReply;
import dev.tandem.protocol.api.HeartbeatRequest;
import dev.tandem.protocol.api.LeaseReply;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.api.ReleaseRequest;
import dev.tandem.protocol.api.ErrorReply;
import dev.tandem.protocol.api.Routes;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.api.SessionsReply;
import dev.tandem.protocol.api.ShutdownReply;
import dev.tandem.protocol.api.SnapshotRequest;
import dev.tandem.protocol.api.StatusReply;
import dev.tandem.protocol.api.SuiteRequest;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.LoopbackHttpClient;
import dev.tandem.protocol.http.TransportException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Java API every front end uses to talk to the daemon of a state dir (docs/client.md): finds
 * it through daemon.json or starts one ({@link #connect}), then sends the typed requests of
 * {@code protocol.api} and reads the typed replies and events. Start-up is serialised by
 * start.lock, so N clients starting at once end with exactly one daemon; a daemon of another
 * version is restarted when idle.
 */
public final class TandemClient implements AutoCloseable {
    static final long START_TIMEOUT_MS = 20_000;
    /** A live daemon rewrites a garbled or removed daemon.json within a second (its tick). */
    static final long REWRITE_WAIT_MS = 3_000;

    private final DaemonInfo info;
    private final StateDir state;
    private final LoopbackHttpClient http;
    /** The start-up settings the daemon reported in its status reply (empty before it answered). */
    private Map<String, String> settings = Map.of();

    private TandemClient(DaemonInfo info, StateDir state) {
        this.info = info;
        this.state = state;
        this.http = new LoopbackHttpClient(info.port(), info.token());
    }

    public DaemonInfo info() {
        return info;
    }

    /** The running daemon, if a healthy one of this version answers. */
    public static Optional<TandemClient> find(StateDir state) {
        Optional<DaemonInfo> read = readDaemonInfo(state);
        if (read.isEmpty()) return Optional.empty();
        DaemonInfo info = read.get();
        if (!ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false)) return Optional.empty();
        TandemClient c = new TandemClient(info, state);
        try {
            HttpResponse r = c.http.send("GET", Routes.STATUS, null, 3_000);
            if (r.ok()) {
                c.settings = readSettings(r);
                return Optional.of(c);
            }
            if (r.status() == 401) {
                throw new TandemException(ErrorCode.UNAUTHORIZED, "the daemon (pid " + info.pid() + ") rejected the token in "
                        + state.daemonJson() + "; stop it with `kill " + info.pid() + "` and rerun");
            }
        } catch (TransportException e) {
            // not answering (starting or dying): treated as absent
        }
        c.close();
        return Optional.empty();
    }

    /** daemon.json, read the lean way first (see LeanWire); anything unusual takes the full path, which reports and moves it aside. */
    private static Optional<DaemonInfo> readDaemonInfo(StateDir state) {
        try {
            Optional<DaemonInfo> lean = LeanWire.daemonInfo(Files.readAllBytes(state.daemonJson()));
            if (lean.isPresent()) return lean;
        } catch (IOException e) {
            // absent or unreadable: the full path says which
        }
        return AtomicFiles.readJson(state.daemonJson(), DaemonInfo.class, Log.stderr("cli"));
    }

    /**
     * The running daemon as daemon.lock sees it: when daemon.json is unreadable or gone but a
     * process still holds daemon.lock, waits (bounded) for that daemon to rewrite its file.
     */
    public static Optional<TandemClient> findLive(StateDir state) throws InterruptedException {
        Optional<TandemClient> c = find(state);
        long deadline = System.nanoTime() + REWRITE_WAIT_MS * 1_000_000L;
        while (c.isEmpty() && lockHolder(state).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50); // the daemon rewrites on its own tick; no cross-process signal to wait on
            c = find(state);
        }
        return c;
    }

    /** The pid of the process holding daemon.lock, if one does. */
    public static Optional<Long> lockHolder(StateDir state) {
        return FileLock.heldBy(state.daemonLock());
    }

    /** The daemon of this state dir, started (detached) if none runs. */
    public static TandemClient connect(StateDir state, Map<String, String> env, boolean quiet) {
        try {
            state.ensure();
            Optional<TandemClient> found = findLive(state);
            if (found.isPresent() && compatible(found.get(), state)) return warnIfSettingsDiffer(found.get(), env);
            try (FileLock start = FileLock.acquire(state.startLock(), START_TIMEOUT_MS).orElseThrow(() -> new TandemException(
                    ErrorCode.DAEMON_UNAVAILABLE, "another tandem (pid " + FileLock.holderPid(state.startLock())
                    + ") has been starting the daemon for " + START_TIMEOUT_MS / 1000 + " s; see " + state.logs().resolve("daemon.log")))) {
                found = findLive(state);
                if (found.isPresent() && compatible(found.get(), state)) return found.get();
                Optional<Long> holder = lockHolder(state);
                if (holder.isPresent()) {
                    // a second daemon would only find the lock taken and exit: say who is stuck instead
                    throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "a daemon (pid " + holder.get() + ") holds "
                            + state.daemonLock() + " but does not answer; `tandem daemon stop` ends it" + tail(state));
                }
                if (!quiet) System.err.println("tandem: starting the daemon for " + state.root());
                Process p = DaemonSpawner.spawn(state, env);
                return awaitStarted(state, p);
            }
        } catch (IOException e) {
            throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "cannot use " + state.root() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "interrupted while starting the daemon");
        }
    }

    private static Map<String, String> readSettings(HttpResponse r) {
        Optional<Map<String, String>> lean = LeanWire.settings(r.body());
        if (lean.isPresent()) return lean.get();
        try {
            StatusReply s = Json.read(r.body(), StatusReply.class);
            return s.settings() == null ? Map.of() : new java.util.TreeMap<>(s.settings());
        } catch (IOException | RuntimeException e) {
            return Map.of(); // an older daemon or a torn reply: nothing to compare
        }
    }

    /**
     * A running daemon keeps the settings it started with; a shell with other values is told which
     * differ and how to apply them, once per command, on stderr.
     */
    private static TandemClient warnIfSettingsDiffer(TandemClient c, Map<String, String> env) {
        List<String> diff = DaemonSettings.differences(c.settings, env);
        if (!diff.isEmpty()) {
            System.err.println("tandem: the running daemon (pid " + c.info.pid() + ") keeps the settings it started with: "
                    + String.join(", ", diff) + ". Run `tandem daemon stop`; the next command starts one with this shell's values.");
        }
        return c;
    }

    /** Same version, or an idle daemon of another version that we stop (the caller then starts ours). */
    private static boolean compatible(TandemClient c, StateDir state) throws InterruptedException {
        if (Version.VERSION.equals(c.info.version())) return true;
        StatusReply status = c.status();
        if (status.activeRuns() > 0) {
            throw new TandemException(ErrorCode.VERSION_MISMATCH, "a daemon of version " + c.info.version() + " (pid "
                    + c.info.pid() + ") is running " + status.activeRuns() + " run(s); this CLI is "
                    + Version.VERSION + ". Wait for them, or stop it with `tandem daemon stop`.");
        }
        c.shutdownAndWait(10_000);
        return false;
    }

    private static TandemClient awaitStarted(StateDir state, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000L;
        long pause = 5;
        while (System.nanoTime() < deadline) {
            Optional<TandemClient> c = find(state);
            if (c.isPresent()) return c.get();
            if (!p.isAlive() && p.exitValue() != 0) break;
            Thread.sleep(pause); // the daemon writes daemon.json when ready; no cross-process signal is cheaper
            pause = Math.min(50, pause * 2);
        }
        throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "the daemon did not start within " + START_TIMEOUT_MS / 1000
                + " s" + tail(state));
    }

    private static String tail(StateDir state) {
        try {
            List<String> lines = Files.readAllLines(state.logs().resolve("daemon.log"));
            return "; last log lines: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "; see " + state.logs().resolve("daemon.log");
        }
    }

    /** {@code GET /v1/status}. */
    public StatusReply status() {
        return call("GET", Routes.STATUS, null, 30_000, StatusReply.class);
    }

    /** {@code GET /v1/devices}: every device, its runner and its holder. */
    public DevicesReply devices() {
        return call("GET", Routes.DEVICES, null, 30_000, DevicesReply.class);
    }

    /** {@code GET /v1/sessions}: leases and runners. */
    public SessionsReply sessions() {
        return call("GET", Routes.SESSIONS, null, 30_000, SessionsReply.class);
    }

    /** {@code POST /v1/snapshot}: the device's UI tree; works while a run holds the device. */
    public Snapshot snapshot(String device) {
        return snapshot(new SnapshotRequest(device, ProcessHandle.current().pid()), 30_000);
    }

    /**
     * {@code POST /v1/snapshot} on a lease: the tree of a device the lease holds, whose refs later
     * {@link #command}s on the lease may name (null lease: the one-shot scope's, as {@link #snapshot(String)}).
     */
    public Snapshot snapshot(String device, String lease) {
        return snapshot(new SnapshotRequest(device, ProcessHandle.current().pid(), lease), 120_000);
    }

    /** Coded by hand (LeanWire), like {@link #command}: a one-shot `tandem snapshot` is this call and little else. */
    private Snapshot snapshot(SnapshotRequest req, long timeoutMs) {
        try {
            HttpResponse r = http.send("POST", Routes.SNAPSHOT, LeanWire.snapshotRequest(req), timeoutMs);
            if (!r.ok()) throw errorOf(r.body(), r.status());
            Optional<Snapshot> lean = LeanWire.snapshot(r.body());
            return lean.isPresent() ? lean.get() : Json.read(r.body(), Snapshot.class);
        } catch (TransportException e) {
            throw unanswered(Routes.SNAPSHOT, e);
        } catch (IOException e) {
            throw unreadable(Routes.SNAPSHOT, e);
        }
    }

    /** {@code POST /v1/leases}: an exclusive lease on devices (or more devices on {@code req.lease()}). {@link Lease} heartbeats one. */
    public LeaseReply acquire(LeaseRequest req) {
        long wait = req.waitMs() == null ? 0 : Math.max(0, req.waitMs());
        return call("POST", Routes.LEASES, Json.bytes(req), 30_000 + wait, LeaseReply.class);
    }

    /** {@code POST /v1/leases/heartbeat}: the lease's client is alive; DEVICE_NOT_LEASED once it ended. */
    public LeaseReply heartbeat(String lease) {
        return call("POST", Routes.HEARTBEAT, Json.bytes(new HeartbeatRequest(lease)), 10_000, LeaseReply.class);
    }

    /** {@code POST /v1/leases/release}: gives devices back (an empty list: all, and the lease ends). */
    public LeaseReply release(String lease, List<String> devices) {
        return call("POST", Routes.RELEASE, Json.bytes(new ReleaseRequest(lease, devices)), 30_000, LeaseReply.class);
    }

    /**
     * {@code POST /v1/commands}: one tool on one device, on a lease or one-shot; the runner's result, or
     * a TandemException with the daemon's code (BAD_PARAMS, STALE_REF, DEVICE_NOT_LEASED, ELEMENT_NOT_FOUND…).
     */
    public CommandReply command(CommandRequest req) {
        long timeout = req.params() != null && req.params().hasNonNull("timeout") ? req.params().get("timeout").asLong() : 60_000;
        long wait = req.waitMs() == null ? 0 : Math.max(0, req.waitMs());
        // the daemon may retry a command on a new runner boot: leave it room beyond the command's own bound
        long bound = Math.max(timeout, 60_000) + wait + 60_000;
        try { // coded by hand (LeanWire): a one-shot CLI command is this call and little else
            HttpResponse r = http.send("POST", Routes.COMMANDS, LeanWire.command(req), bound);
            if (!r.ok()) throw errorOf(r.body(), r.status());
            Optional<CommandReply> lean = LeanWire.commandReply(r.body());
            return lean.isPresent() ? lean.get() : Json.read(r.body(), CommandReply.class);
        } catch (TransportException e) {
            throw unanswered(Routes.COMMANDS, e);
        } catch (IOException e) {
            throw unreadable(Routes.COMMANDS, e);
        }
    }

    /**
     * Runs one plan: every event goes to {@code listener} as it arrives (on this thread), and the
     * run's end comes back typed. The stream breaking before the run ended is DAEMON_UNAVAILABLE.
     */
    public RunOutcome run(RunRequest request, Consumer<RunEvent> listener) {
        return stream(Routes.RUNS, request, listener, "run");
    }

    /** Runs a suite, like {@link #run}; its end is a {@link RunOutcome.SuiteFinished}. */
    public RunOutcome suite(SuiteRequest request, Consumer<RunEvent> listener) {
        return stream(Routes.SUITES, request, listener, "suite");
    }

    private RunOutcome stream(String path, Object request, Consumer<RunEvent> listener, String what) {
        LoopbackHttpClient.Streaming s;
        try {
            s = http.stream("POST", path, Json.bytes(request), 30_000);
        } catch (TransportException e) {
            throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "the daemon (pid " + info.pid() + ") did not accept "
                    + path + " (" + e.getMessage() + ")");
        }
        try (s) {
            if (s.status() != 200) throw refused(s);
            return RunOutcome.read(new BufferedReader(new InputStreamReader(s.body(), StandardCharsets.UTF_8)), listener)
                    .orElseThrow(() -> new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "the daemon stopped answering during the "
                            + what + "; see " + state.logs().resolve("daemon.log")));
        }
    }

    private static TandemException refused(LoopbackHttpClient.Streaming s) {
        try {
            ErrorReply body = Json.read(s.body().readAllBytes(), ErrorReply.class);
            return new TandemException(ErrorCode.DAEMON_UNAVAILABLE, body.error() != null && body.error().message() != null
                    ? body.error().message() : "HTTP " + s.status());
        } catch (IOException | RuntimeException e) {
            return new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "the daemon refused the request (HTTP " + s.status() + ")");
        }
    }

    private <T> T call(String method, String path, byte[] body, long timeoutMs, Class<T> type) {
        try {
            HttpResponse r = http.send(method, path, body, timeoutMs);
            if (!r.ok()) throw errorOf(r.body(), r.status());
            return Json.read(r.body(), type);
        } catch (TransportException e) {
            throw unanswered(path, e);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    private TandemException unanswered(String path, TransportException e) {
        return new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "the daemon (pid " + info.pid() + ") did not answer "
                + path + " (" + e.getMessage() + "); `tandem daemon status` shows its state");
    }

    private static TandemException unreadable(String path, IOException e) {
        return new TandemException(ErrorCode.INTERNAL, "the daemon's reply to " + path + " is not what this client reads ("
                + e.getMessage() + ")");
    }

    static TandemException errorOf(byte[] body, int status) {
        Optional<ErrorInfo> lean = LeanWire.error(body);
        if (lean.isPresent()) return lean.get().toException();
        try {
            ErrorReply reply = Json.read(body, ErrorReply.class);
            if (reply.error() != null && reply.error().code() != null) return reply.error().toException();
            return fallback(status, reply.error() != null && reply.error().message() != null ? reply.error().message()
                    : new String(body, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException notOurs) {
            return fallback(status, body.length == 0 ? "{}" : new String(body, StandardCharsets.UTF_8));
        }
    }

    private static TandemException fallback(int status, String message) {
        return new TandemException(status == 401 ? ErrorCode.UNAUTHORIZED : ErrorCode.INTERNAL,
                "daemon answered HTTP " + status + ": " + message);
    }

    /** Asks the daemon to stop and waits (bounded) until its process is gone. */
    public boolean shutdownAndWait(long timeoutMs) throws InterruptedException {
        try {
            call("POST", Routes.SHUTDOWN, Json.bytes(Map.of()), 5_000, ShutdownReply.class);
        } catch (TandemException e) {
            // it may be going already
        }
        var ph = ProcessHandle.of(info.pid());
        if (ph.isEmpty()) return true;
        try {
            ph.get().onExit().get(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !ph.get().isAlive();
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
