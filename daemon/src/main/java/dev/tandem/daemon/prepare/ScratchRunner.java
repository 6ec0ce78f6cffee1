package dev.tandem.daemon.prepare;

import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.Uptime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A runner for a training run or a health check: started by the daemon's own {@link RunnerLauncher}
 * in a throw-away state dir ({@code <cache>/<platform>/.scratch-*}), so its journal, device dir and
 * runner file never touch the real state. Closing stops it (bounded), keeps its log, deletes the rest.
 */
final class ScratchRunner implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();
    /** A scratch runner whose prepare died exits this soon (nobody adopts it). */
    private static final long ORPHAN_TTL_MS = 10_000;
    private final Path scratch;
    private final RunnerHandle handle;
    private final Path keptLog;
    private final String deviceId;

    private ScratchRunner(Path scratch, RunnerHandle handle, Path keptLog, String deviceId) {
        this.scratch = scratch;
        this.handle = handle;
        this.keptLog = keptLog;
        this.deviceId = deviceId;
    }

    /** Starts the runner (the launcher bounds the handshake); throws the launcher's error, with the log kept. */
    static ScratchRunner start(Path platformDir, PlatformProfile p, RunnerLauncher.Artifact artifact,
            Map<String, String> env, Path keptLog) throws IOException {
        Path scratch = platformDir.resolve(".scratch-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet());
        Files.createDirectories(scratch);
        StateDir state = new StateDir(scratch);
        String deviceId = "prepare-" + p.name();
        try {
            RunnerHandle h = new RunnerLauncher(state, env, ORPHAN_TTL_MS).start(
                    new RunnerLauncher.Launch(deviceId, p, null, 0, Map.of()), artifact);
            return new ScratchRunner(scratch, h, keptLog, deviceId);
        } catch (RuntimeException e) {
            keepLog(scratch, deviceId, keptLog);
            deleteQuietly(scratch);
            throw e;
        }
    }

    Uptime uptime(long timeoutMs) {
        return RunnerClient.uptime(handle, Math.max(1, timeoutMs));
    }

    /** Sends one command and returns its record; null when the runner gave no record. */
    CommandRecord command(String kind, Map<String, Object> params, long timeoutMs) {
        String id = "prepare-" + IDS.incrementAndGet();
        byte[] body = Json.bytes(new CommandEnvelope(id, handle.bootId(), kind, Json.toTree(params), timeoutMs));
        try {
            HttpResponse r = handle.client().send("POST", "/v1/commands", body, timeoutMs + 2_000);
            return r.ok() ? Json.read(r.body(), CommandRecord.class) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Asks the runner to exit and waits until it has; true when it exited by itself in time (else it is killed). */
    boolean stop(long timeoutMs) {
        try {
            handle.client().send("POST", "/v1/shutdown", new byte[0], Math.max(1, Math.min(timeoutMs, 5_000)));
        } catch (IOException ignored) {
            // already exiting: waited for below
        }
        var ph = ProcessHandle.of(handle.pid());
        if (ph.isEmpty()) return true;
        try {
            ph.get().onExit().get(Math.max(1, timeoutMs), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notYet) {
            ph.get().destroyForcibly();
            if (notYet instanceof InterruptedException) Thread.currentThread().interrupt();
            return false;
        }
    }

    Path log() {
        return keptLog;
    }

    @Override
    public void close() {
        if (handle.alive()) stop(5_000);
        handle.client().close();
        keepLog(scratch, deviceId, keptLog);
        deleteQuietly(scratch);
    }

    private static void deleteQuietly(Path scratch) {
        try {
            CacheLayout.deleteTree(scratch);
        } catch (IOException ignored) {
            // a child (Chromium) still exiting: the next prepare's prune removes it
        }
    }

    private static void keepLog(Path scratch, String deviceId, Path keptLog) {
        try {
            Files.createDirectories(keptLog.getParent());
            Files.copy(new StateDir(scratch).logs().resolve("runner-" + deviceId + ".log"), keptLog, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // no log written: nothing to keep
        }
    }
}
