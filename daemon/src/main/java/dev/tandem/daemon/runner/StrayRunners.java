package dev.tandem.daemon.runner;

import dev.tandem.protocol.state.FileLock;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A runner the daemon does not know about (its runners/ file was lost, e.g. garbled after a daemon
 * crash) may still hold its device's work dir through the runner's own lock. Before a new runner
 * starts there, that stray is stopped and its helpers (Chromium, its watchdog, which deletes the
 * profile on exit) are waited for, so no cleanup ever deletes what the new runner uses.
 */
final class StrayRunners {
    static final long STOP_MS = 10_000;

    private StrayRunners() {}

    static Path lockFile(StateDir state, String deviceId) {
        return state.root().resolve("devices").resolve(deviceId).resolve("runner.lock");
    }

    static void stop(StateDir state, String deviceId) {
        Optional<Long> pid = FileLock.heldBy(lockFile(state, deviceId));
        if (pid.isEmpty()) return;
        Optional<ProcessHandle> stray = ProcessHandle.of(pid.get()).filter(p -> isRunnerOf(p, state, deviceId));
        if (stray.isEmpty()) {
            throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, "process " + pid.get() + " holds "
                    + lockFile(state, deviceId) + " but is not a runner of " + deviceId + "; stop it and rerun");
        }
        ProcessHandle p = stray.get();
        List<ProcessHandle> helpers = p.descendants().toList();
        p.destroy(); // SIGTERM: its shutdown hook stops its backend and cleans up its own profile
        if (!awaitExit(p, STOP_MS)) {
            p.destroyForcibly();
            awaitExit(p, STOP_MS);
        }
        for (ProcessHandle h : helpers) {
            if (!awaitExit(h, STOP_MS)) {
                h.destroyForcibly();
                awaitExit(h, STOP_MS);
            }
        }
        if (p.isAlive()) {
            throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, "a stray runner of " + deviceId + " (pid " + p.pid()
                    + ") did not exit within " + 2 * STOP_MS / 1000 + " s; kill it and rerun");
        }
    }

    private static boolean isRunnerOf(ProcessHandle p, StateDir state, String deviceId) {
        String cmd = p.info().commandLine().orElse("");
        return cmd.contains("dev.tandem.runner") && cmd.contains("--device " + deviceId + " ")
                && cmd.contains("--home " + state.root() + " ");
    }

    private static boolean awaitExit(ProcessHandle p, long ms) {
        try {
            p.onExit().get(ms, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }
}
