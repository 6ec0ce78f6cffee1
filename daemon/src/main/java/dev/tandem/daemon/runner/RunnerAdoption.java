package dev.tandem.daemon.runner;

import dev.tandem.daemon.devices.DevicePool;
import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Version;
import dev.tandem.protocol.runner.Uptime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * At daemon start-up, takes over the runners an earlier daemon left running (warm reuse across a
 * daemon restart or crash). A runner is adopted only if it answers {@code /v1/uptime} with the
 * recorded token and boot id, and its version and artifact key are the current ones; any other
 * runner is stopped and its file removed, so a stale build never serves a run.
 */
public final class RunnerAdoption {
    private final StateDir state;
    private final DevicePool pool;
    private final RunnerSupervisor supervisor;
    private final Function<String, String> currentArtifactKey;
    private final Log log;

    public RunnerAdoption(StateDir state, DevicePool pool, RunnerSupervisor supervisor,
            Function<String, String> currentArtifactKey, Log log) {
        this.state = state;
        this.pool = pool;
        this.supervisor = supervisor;
        this.currentArtifactKey = currentArtifactKey;
        this.log = log;
    }

    public int adoptAll() {
        int adopted = 0;
        if (!Files.isDirectory(state.runners())) return 0;
        try (Stream<Path> files = Files.list(state.runners())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                if (adopt(f)) adopted++;
            }
        } catch (IOException e) {
            log.warn("cannot list " + state.runners() + ": " + e.getMessage());
        }
        return adopted;
    }

    private boolean adopt(Path f) {
        var read = AtomicFiles.readJson(f, RunnerFile.class, log);
        if (read.isEmpty()) return false;
        RunnerFile rf = read.get();
        boolean alive = ProcessHandle.of(rf.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            deleteQuietly(f);
            return false;
        }
        RunnerHandle h = new RunnerHandle(rf, null);
        Uptime u = RunnerClient.uptime(h, 2_000);
        String why = u == null ? "does not answer with its recorded token"
                : !rf.bootId().equals(u.bootId()) ? "reports boot " + u.bootId() + ", not " + rf.bootId()
                : !Version.VERSION.equals(u.version()) ? "is version " + u.version() + ", not " + Version.VERSION
                : pool.byId(rf.device()).isEmpty() ? "drives a device this daemon does not offer"
                : !currentArtifactKey.apply(rf.platform()).equals(u.artifactKey())
                        ? "runs artifact " + u.artifactKey() + ", not " + currentArtifactKey.apply(rf.platform())
                : null;
        if (why != null) {
            log.info("not adopting runner " + rf.device() + " (pid " + rf.pid() + "): it " + why + "; stopping it");
            if (u != null) {
                try {
                    h.client().send("POST", "/v1/shutdown", new byte[0], 2_000);
                } catch (IOException ignored) {
                    // killed below
                }
            }
            if (looksLikeRunner(rf.pid())) ProcessHandle.of(rf.pid()).ifPresent(ProcessHandle::destroyForcibly);
            h.client().close();
            deleteQuietly(f);
            return false;
        }
        h.declare(u.deviceStateSurvivesRestart());
        try {
            h.client().send("POST", "/v1/adopt", Json.bytes(Map.of("daemonPid", ProcessHandle.current().pid())), 2_000);
        } catch (IOException e) {
            log.warn("runner " + rf.device() + " did not accept adoption: " + e.getMessage());
            return false;
        }
        if (!supervisor.adopt(h)) {
            try {
                h.client().send("POST", "/v1/shutdown", new byte[0], 2_000);
            } catch (IOException ignored) {
                // it exits by its orphan watchdog anyway
            }
            h.client().close();
            deleteQuietly(f);
            return false;
        }
        log.info("adopted runner " + rf.device() + " (pid " + rf.pid() + ", boot " + rf.bootId() + ")");
        return true;
    }

    /** Guards against killing an unrelated process that reused a dead runner's pid. */
    private static boolean looksLikeRunner(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).map(c -> c.contains("dev.tandem.runner")).orElse(false);
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // rebuilt when that device's runner starts again
        }
    }
}
