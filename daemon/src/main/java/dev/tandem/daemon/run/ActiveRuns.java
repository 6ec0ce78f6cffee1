package dev.tandem.daemon.run;

import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateRecord;
import dev.tandem.engine.PlanExecutor;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.daemon.report.ResultsWriter;
import dev.tandem.protocol.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The runs in progress. Each has a marker file under {@code $TANDEM_HOME/runs/} while it goes on;
 * a daemon that finds markers at start-up knows the previous one died mid-run and records those
 * runs as {@code error} in their directories.
 */
public final class ActiveRuns {
    /** A marker's content. */
    public record Marker(String runId, String dir, String plan, Map<String, String> devices, long clientPid, long daemonPid,
            long startedAt) implements StateRecord {
        @Override
        public List<String> problems() {
            return Problems.of().text("runId", runId).text("dir", dir)
                    .check(dir == null || isAbsolute(dir), "dir must be an absolute path, not " + dir).list();
        }

        private static boolean isAbsolute(String dir) {
            try {
                return Path.of(dir).isAbsolute();
            } catch (java.nio.file.InvalidPathException e) {
                return false;
            }
        }
    }

    private final Path markers;
    private final Log log;
    private final Map<String, PlanExecutor> executors = new ConcurrentHashMap<>();
    private final Map<String, Marker> runs = new ConcurrentHashMap<>();

    public ActiveRuns(Path markers, Log log) {
        this.markers = markers;
        this.log = log;
    }

    void started(String runId, Path dir, String plan, Map<String, String> devices, long clientPid) {
        Marker m = new Marker(runId, dir.toString(), plan, Map.copyOf(devices), clientPid, ProcessHandle.current().pid(),
                System.currentTimeMillis());
        runs.put(runId, m);
        try {
            AtomicFiles.writeJson(markers.resolve(runId + ".json"), m, false);
        } catch (IOException e) {
            log.warn("cannot write run marker for " + runId + ": " + e.getMessage());
        }
    }

    void attach(String runId, PlanExecutor executor) {
        executors.put(runId, executor);
    }

    void finished(String runId) {
        executors.remove(runId);
        runs.remove(runId);
        try {
            Files.deleteIfExists(markers.resolve(runId + ".json"));
        } catch (IOException ignored) {
            // a leftover marker only makes the next daemon double-check a finished run
        }
    }

    public int count() {
        return runs.size();
    }

    /** Aborts every run (daemon stopping). */
    public void abortAll(String reason) {
        executors.values().forEach(e -> e.abort(reason));
    }

    private boolean recover(Path f) throws IOException {
        var marker = AtomicFiles.readJson(f, Marker.class, log);
        Files.deleteIfExists(f);
        if (marker.isEmpty()) return false;
        Marker m = marker.get();
        Path dir = Path.of(m.dir());
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve("results.json"))) return false;
        Failure failure = new Failure(-1, -1, null, ErrorCode.DAEMON_UNAVAILABLE, "the daemon (pid " + m.daemonPid()
                + ") stopped during this run; its devices were released. Rerun the plan.");
        Map<String, DeviceResult> devices = new java.util.LinkedHashMap<>();
        Map<String, String> labels = m.devices() == null || m.devices().isEmpty() ? Map.of("default", "?") : m.devices();
        labels.forEach((label, id) -> devices.put(label, new DeviceResult(id, DeviceStatus.ABORTED,
                new DeviceResult.Steps(0, 0), 0, failure)));
        RunResult r = new RunResult(m.runId(), m.plan(), RunStatus.ERROR, System.currentTimeMillis() - m.startedAt(),
                devices, List.of(), new RunResult.RootCause(labels.keySet().iterator().next(), failure));
        ResultsWriter.write(dir, r);
        log.warn("run " + m.runId() + " was interrupted by a daemon crash; recorded as error in " + dir);
        return true;
    }

    /** Records runs left behind by a daemon that died as {@code error}; returns how many. */
    public int recoverInterrupted() {
        if (!Files.isDirectory(markers)) return 0;
        int n = 0;
        try (Stream<Path> files = Files.list(markers)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                try {
                    if (recover(f)) n++;
                } catch (IOException | RuntimeException e) {
                    // one bad marker must not stop the daemon starting: it is logged and dropped
                    log.warn("cannot record the interrupted run of marker " + f + ": " + e);
                }
            }
        } catch (IOException e) {
            log.warn("cannot scan run markers: " + e.getMessage());
        }
        return n;
    }
}
