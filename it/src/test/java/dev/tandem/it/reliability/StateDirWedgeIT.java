package dev.tandem.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Tandem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One state dir, one truth: a state file that is valid JSON but unusable never wedges the daemon,
 * and a daemon.json garbled under a live daemon never hides it from `status` and `stop`.
 */
class StateDirWedgeIT {
    static final String QUICK = """
            name: quick
            steps:
              - tool: launchApp
                appId: com.example.login
              - tool: assertVisible
                text: Email
            """;

    @Test
    void aRunMarkerWithoutDirNeitherWedgesTheDaemonNorHidesIt() throws Exception {
        try (Tandem tandem = new Tandem()) {
            Path plan = tandem.write("quick.yaml", QUICK);
            Files.createDirectories(tandem.home.resolve("runs"));
            Files.writeString(tandem.home.resolve("runs").resolve("20260101-000000-1-ab.json"), "{\"runId\": \"x\", \"plan\": \"p\"}");

            // a wedged daemon made every command wait 20 s and exit 3 (the first run here may also prepare the cache)
            Tandem.Result r = tandem.run("run", plan.toString(), "--device", "sim:1");
            assertThat(r.exit()).as(r.all()).isZero();

            Tandem.Result status = tandem.run("daemon", "status");
            assertThat(status.exit()).as(status.all()).isZero();
            assertThat(status.out()).contains("running: pid " + tandem.daemonPid());
            assertThat(tandem.home.resolve("runs").resolve("20260101-000000-1-ab.json.corrupt")).exists();
        }
    }

    @Test
    void aDaemonJsonGarbledUnderALiveDaemonIsRewrittenAndStatusAndStopFindIt() throws Exception {
        try (Tandem tandem = new Tandem()) {
            Path plan = tandem.write("quick.yaml", QUICK);
            assertThat(tandem.run("run", plan.toString(), "--device", "sim:1").exit()).isZero();
            long daemon = tandem.daemonPid();
            long runner = tandem.runnerPid("sim-1");
            Files.writeString(tandem.home.resolve("daemon.json"), "{\"pid\": 1, \"port\": 99999, \"tok");

            Tandem.Result status = tandem.run("daemon", "status");
            assertThat(status.exit()).as(status.all()).isZero();
            assertThat(status.out()).contains("running: pid " + daemon);

            long t0 = System.nanoTime();
            Tandem.Result again = tandem.run("run", plan.toString(), "--device", "sim:1");
            assertThat(again.exit()).as(again.all()).isZero();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("no 20 s wait").isLessThan(15_000);
            assertThat(tandem.daemonPid()).as("the same daemon served it").isEqualTo(daemon);

            Files.delete(tandem.home.resolve("daemon.json"));
            Tandem.Result stop = tandem.run("daemon", "stop");
            assertThat(stop.exit()).as(stop.all()).isZero();
            assertThat(stop.out()).contains("daemon stopped (pid " + daemon);
            assertThat(tandem.awaitNoProcesses(20_000)).as("daemon and runner " + runner + " stopped").isEmpty();
        }
    }

    @Test
    void afterADaemonCrashAndAGarbledRunnerFileTheDeviceStillHasOneRunner() throws Exception {
        try (Tandem tandem = new Tandem()) {
            Path plan = tandem.write("quick.yaml", QUICK);
            assertThat(tandem.run("run", plan.toString(), "--device", "sim:1").exit()).isZero();
            long daemon = tandem.daemonPid();
            long orphan = tandem.runnerPid("sim-1");
            ProcessHandle.of(daemon).orElseThrow().destroyForcibly();
            ProcessHandle.of(daemon).ifPresent(p -> p.onExit().join());
            Files.writeString(tandem.home.resolve("runners").resolve("sim-1.json"), "{\"device\": \"sim-1\", \"pid\": ");

            Tandem.Result r = tandem.run("run", plan.toString(), "--device", "sim:1");
            assertThat(r.exit()).as(r.all()).isZero();
            long runner = tandem.runnerPid("sim-1");
            assertThat(runner).isPositive().isNotEqualTo(orphan);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the lost runner was stopped first").isNotEqualTo(
                    java.util.Optional.of(true));
            assertThat(runnersOf(tandem, "sim-1")).as("one runner per device").containsExactly(runner);
        }
    }

    @Test
    void aJournalDirReplacedByAFileIsNamedWithItsFix() throws Exception {
        try (Tandem tandem = new Tandem()) {
            Path plan = tandem.write("quick.yaml", QUICK);
            Files.createDirectories(tandem.home.resolve("journal"));
            Path journal = Files.writeString(tandem.home.resolve("journal").resolve("sim-4"), "not a directory");
            Tandem.Result r = tandem.run("run", plan.toString(), "--device", "sim:4", "--debug");
            assertThat(r.exit()).as(r.all()).isEqualTo(3);
            assertThat(r.all()).contains("STATE_DIR_BROKEN").contains(journal + " is a file, not a directory")
                    .contains("start-up, before any step").doesNotContain("FileAlreadyExistsException").doesNotContain("step -1");
        }
    }

    static java.util.List<Long> runnersOf(Tandem tandem, String device) {
        return tandem.processes().stream().filter(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().commandLine())
                .map(c -> c.contains("dev.tandem.runner") && c.contains("--device " + device + " ")).orElse(false)).toList();
    }
}
