package dev.tandem.daemon.sources.grid;

import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateDir;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Grid sessions on record under {@code runners/grid-sessions/}: one file per open session,
 * written before its runner starts and removed once it is closed; at start-up a daemon closes what
 * its predecessor left (after a crash), with the runners that drove them.
 */
public final class GridSessions {
    static final Duration DELETE_TIMEOUT = Duration.ofSeconds(10);
    private final StateDir state;
    private final Log log;

    public GridSessions(StateDir state, Log log) {
        this.state = state;
        this.log = log;
    }

    Path dir() {
        return state.runners().resolve("grid-sessions");
    }

    private Path file(String device, String sessionId) {
        return dir().resolve(device + "-" + sessionId.replaceAll("[^A-Za-z0-9-]", "_") + ".json");
    }

    public void record(GridSessionRecord r) throws IOException {
        Files.createDirectories(dir());
        AtomicFiles.writeJson(file(r.device(), r.sessionId()), r, true);
    }

    /** Closes the session on its Grid (bounded) and drops its record; false, and the record kept, when the Grid refused. */
    public boolean close(GridSessionRecord r) {
        try {
            new GridClient(URI.create(r.grid())).delete(r.sessionId(), DELETE_TIMEOUT);
        } catch (IOException e) {
            log.warn("cannot close Grid session " + r.sessionId() + " of " + r.device() + " on " + r.grid() + ": " + e.getMessage()
                    + "; the next daemon start tries again (the Grid also ends idle sessions after its --session-timeout)");
            return false;
        }
        try {
            Files.deleteIfExists(file(r.device(), r.sessionId()));
        } catch (IOException e) {
            log.warn("cannot remove " + file(r.device(), r.sessionId()) + ": " + e.getMessage());
        }
        return true;
    }

    /**
     * After a crash: stops the runners of the recorded sessions' devices (a runner outlives its
     * daemon, and would be adopted with a browser about to close) and closes every recorded session.
     * Returns how many sessions it closed.
     */
    public int closeOrphans() {
        if (!Files.isDirectory(dir())) return 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir())) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            log.warn("cannot list " + dir() + ": " + e.getMessage());
            return 0;
        }
        int closed = 0;
        for (Path f : files) {
            var read = AtomicFiles.readJson(f, GridSessionRecord.class, log);
            if (read.isEmpty()) {
                quietlyDelete(f); // torn: nothing to close by
                continue;
            }
            GridSessionRecord r = read.get();
            stopRunnerOf(r.device());
            if (close(r)) {
                closed++;
                log.info("closed Grid session " + r.sessionId() + " of " + r.device() + " on " + r.grid()
                        + ", left open by daemon pid " + r.daemonPid());
            }
        }
        return closed;
    }

    /** Ends a live runner of the device left by an earlier daemon; only a Tandem runner of this state dir and device. */
    private void stopRunnerOf(String device) {
        Path rf = state.runnerFile(device);
        var read = AtomicFiles.readJson(rf, dev.tandem.daemon.runner.RunnerFile.class, log);
        if (read.isEmpty()) return;
        ProcessHandle.of(read.get().pid()).filter(p -> p.info().commandLine()
                .map(c -> c.contains("dev.tandem.runner") && c.contains("--device " + device + " ")).orElse(false)).ifPresent(p -> {
                    p.destroy();
                    try {
                        p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
        quietlyDelete(rf);
    }

    private static void quietlyDelete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // tried again at the next start
        }
    }
}
