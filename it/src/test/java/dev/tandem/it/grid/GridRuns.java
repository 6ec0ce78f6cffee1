package dev.tandem.it.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Tandem;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the Grid ITs do around their runs: wait for a run's device to have its runner, kill the
 * daemon or the node under the run, and at the end stop the daemon (no process of ours left) and the Grid.
 */
final class GridRuns {
    private GridRuns() {}

    /** {@code tandem daemon stop}, nothing of ours left after it, then the Grid stopped (both when started). */
    static void stop(Tandem t, GridFixture grid) throws Exception {
        try {
            if (t != null) {
                Tandem.Result stop = t.run("daemon", "stop");
                assertThat(stop.exit()).as(stop.all()).isZero();
                assertThat(t.awaitNoProcesses(20_000)).as("no runner of ours outlives `daemon stop`").isEmpty();
                t.close();
            }
        } finally {
            if (grid != null) grid.close();
        }
    }

    /** Until one of the devices has its runner (so its Grid session is open and on record: it is recorded first), by its runners/ file. */
    static void awaitRunnerUp(Tandem t, List<String> devices) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (devices.stream().noneMatch(d -> Files.exists(t.home.resolve("runners/" + d + ".json")))) {
            if (System.nanoTime() > deadline) throw new AssertionError("no runner of " + devices + " started within 60 s");
            Thread.sleep(50); // polling another process's state file; no event to wait on
        }
    }

    /** kill -9 of the daemon, and its exit awaited (bounded). */
    static void killDaemon(Tandem t) {
        long daemon = t.daemonPid();
        ProcessHandle.of(daemon).orElseThrow().destroyForcibly();
        ProcessHandle.of(daemon).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    /** How the run ended after its node was killed, and how long after the kill. */
    record Ended(Tandem.Result result, long ms) {}

    /** kill -9 of the node at {@code uri}, then the run's end (bounded). */
    static Ended killNode(GridFixture grid, String uri, Process run) throws InterruptedException {
        long t0 = System.nanoTime();
        grid.killNode(uri);
        Tandem.Result r = Tandem.finish(run, 60_000);
        return new Ended(r, (System.nanoTime() - t0) / 1_000_000);
    }
}
