package dev.tandem.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.tandem.protocol.Version;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.LoopbackHttpClient;
import dev.tandem.protocol.http.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the daemon of a state dir through daemon.json, or starts one. Start-up is serialised by
 * start.lock, so N CLIs starting at once end with exactly one daemon; a daemon of another version
 * is restarted when idle.
 */
public final class DaemonClient implements AutoCloseable {
    static final long START_TIMEOUT_MS = 20_000;
    /** A live daemon rewrites a garbled or removed daemon.json within a second (its tick). */
    static final long REWRITE_WAIT_MS = 3_000;

    private final DaemonInfo info;
    private final LoopbackHttpClient http;
    /** The start-up settings the daemon reported in its status reply (empty before it answered). */
    private Map<String, String> settings = Map.of();

    private DaemonClient(DaemonInfo info) {
        this.info = info;
        this.http = new LoopbackHttpClient(info.port(), info.token());
    }

    public DaemonInfo info() {
        return info;
    }

    /** The running daemon, if a healthy one of this version answers. */
    public static Optional<DaemonClient> find(StateDir state) {
        Optional<DaemonInfo> read = AtomicFiles.readJson(state.daemonJson(), DaemonInfo.class, Log.stderr("cli"));
        if (read.isEmpty()) return Optional.empty();
        DaemonInfo info = read.get();
        if (!ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false)) return Optional.empty();
        DaemonClient c = new DaemonClient(info);
        try {
            HttpResponse r = c.http.send("GET", "/v1/status", null, 3_000);
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

    /**
     * The running daemon as daemon.lock sees it: when daemon.json is unreadable or gone but a
     * process still holds daemon.lock, waits (bounded) for that daemon to rewrite its file.
     */
    public static Optional<DaemonClient> findLive(StateDir state) throws InterruptedException {
        Optional<DaemonClient> c = find(state);
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
    public static DaemonClient connect(StateDir state, Map<String, String> env, boolean quiet) {
        try {
            state.ensure();
            Optional<DaemonClient> found = findLive(state);
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
        try {
            Map<String, String> out = new java.util.TreeMap<>();
            Json.tree(r.body()).path("settings").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (RuntimeException e) {
            return Map.of(); // an older daemon or a torn reply: nothing to compare
        }
    }

    /**
     * A running daemon keeps the settings it started with; a shell with other values is told which
     * differ and how to apply them, once per command, on stderr.
     */
    private static DaemonClient warnIfSettingsDiffer(DaemonClient c, Map<String, String> env) {
        List<String> diff = DaemonSettings.differences(c.settings, env);
        if (!diff.isEmpty()) {
            System.err.println("tandem: the running daemon (pid " + c.info.pid() + ") keeps the settings it started with: "
                    + String.join(", ", diff) + ". Run `tandem daemon stop`; the next command starts one with this shell's values.");
        }
        return c;
    }

    /** Same version, or an idle daemon of another version that we stop (the caller then starts ours). */
    private static boolean compatible(DaemonClient c, StateDir state) throws InterruptedException {
        if (Version.VERSION.equals(c.info.version())) return true;
        JsonNode status = c.get("/v1/status");
        if (status.path("activeRuns").asInt(0) > 0) {
            throw new TandemException(ErrorCode.VERSION_MISMATCH, "a daemon of version " + c.info.version() + " (pid "
                    + c.info.pid() + ") is running " + status.path("activeRuns").asInt() + " run(s); this CLI is "
                    + Version.VERSION + ". Wait for them, or stop it with `tandem daemon stop`.");
        }
        c.shutdownAndWait(10_000);
        return false;
    }

    private static DaemonClient awaitStarted(StateDir state, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000L;
        long pause = 5;
        while (System.nanoTime() < deadline) {
            Optional<DaemonClient> c = find(state);
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

    public JsonNode get(String path) {
        return call("GET", path, null, 30_000);
    }

    public JsonNode post(String path, Object body, long timeoutMs) {
        return call("POST", path, Json.bytes(body), timeoutMs);
    }

    private JsonNode call(String method, String path, byte[] body, long timeoutMs) {
        try {
            HttpResponse r = http.send(method, path, body, timeoutMs);
            JsonNode json = r.body().length == 0 ? Json.object() : Json.tree(r.body());
            if (!r.ok()) throw errorOf(json, r.status());
            return json;
        } catch (TransportException e) {
            throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "the daemon (pid " + info.pid() + ") did not answer "
                    + path + " (" + e.getMessage() + "); `tandem daemon status` shows its state");
        }
    }

    /** Opens a streaming request (run events). */
    public LoopbackHttpClient.Streaming stream(String path, Object body) {
        try {
            return http.stream("POST", path, Json.bytes(body), 30_000);
        } catch (TransportException e) {
            throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "the daemon (pid " + info.pid() + ") did not accept "
                    + path + " (" + e.getMessage() + ")");
        }
    }

    static TandemException errorOf(JsonNode json, int status) {
        JsonNode e = json.path("error");
        try {
            ErrorInfo info = Json.convert(e, ErrorInfo.class);
            if (info != null && info.code() != null) return info.toException();
        } catch (IllegalArgumentException notOurs) {
            // fall through
        }
        return new TandemException(status == 401 ? ErrorCode.UNAUTHORIZED : ErrorCode.INTERNAL,
                "daemon answered HTTP " + status + ": " + e.path("message").asText(json.toString()));
    }

    /** Asks the daemon to stop and waits (bounded) until its process is gone. */
    public boolean shutdownAndWait(long timeoutMs) throws InterruptedException {
        try {
            post("/v1/shutdown", Map.of(), 5_000);
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
