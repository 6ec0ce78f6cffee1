package dev.tandem.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** kill -9 of the daemon mid-run: the next command starts a daemon that adopts the live runner and records the run as error. */
class DaemonCrashIT {

    @Test
    void newDaemonAdoptsRunnersAndRecordsTheInterruptedRun() throws Exception {
        try (Tandem tandem = new Tandem()) {
            Path holding = tandem.write("holding.yaml", Plans.holding(20_000));
            Process run = tandem.start("run", holding.toString(), "--device", "sim:2");
            long runnerPid = awaitRunner(tandem, "sim-2");
            long daemonPid = tandem.daemonPid();
            awaitRunDir(tandem);
            ProcessHandle.of(daemonPid).orElseThrow().destroyForcibly();
            ProcessHandle.of(daemonPid).ifPresent(p -> p.onExit().join());

            Tandem.Result cut = Tandem.finish(run, 30_000);
            assertThat(cut.exit()).as(cut.all()).isEqualTo(3);
            assertThat(cut.all()).contains("DAEMON_UNAVAILABLE");

            Tandem.Result devices = tandem.run("devices", "--json");
            assertThat(devices.exit()).as(devices.all()).isZero();
            assertThat(tandem.daemonPid()).isNotEqualTo(daemonPid);
            assertThat(ProcessHandle.of(runnerPid).map(ProcessHandle::isAlive)).as("runner survived").contains(true);
            assertThat(tandem.runnerPid("sim-2")).as("adopted, not restarted").isEqualTo(runnerPid);
            JsonNode sim2 = null;
            for (JsonNode d : Json.tree(devices.out().getBytes())) if (d.path("id").asText().equals("sim-2")) sim2 = d;
            assertThat(sim2.path("runnerPid").asLong()).isEqualTo(runnerPid);

            JsonNode interrupted;
            try (Stream<Path> dirs = Files.list(tandem.work.resolve("tandem-out"))) {
                interrupted = Json.tree(Files.readAllBytes(dirs.findFirst().orElseThrow().resolve("results.json")));
            }
            assertThat(interrupted.path("status").asText()).isEqualTo("error");
            assertThat(interrupted.path("rootCause").path("failure").path("message").asText()).contains("daemon");

            Tandem.Result again = tandem.run("run", tandem.write("q.yaml", Plans.QUICK).toString(), "--device", "sim:2");
            assertThat(again.exit()).as(again.all()).isZero();
            assertThat(tandem.runnerPid("sim-2")).as("the adopted runner serves the next run").isEqualTo(runnerPid);
        }
    }

    static long awaitRunner(Tandem tandem, String device) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long pid = tandem.runnerPid(device);
            if (pid > 0) return pid;
            Thread.sleep(50); // polling another process's state file; no event to wait on
        }
        throw new AssertionError("no runner for " + device);
    }

    private static void awaitRunDir(Tandem tandem) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Path marker = tandem.home.resolve("runs");
            if (Files.isDirectory(marker)) {
                try (Stream<Path> s = Files.list(marker)) {
                    if (s.findAny().isPresent()) return;
                }
            }
            Thread.sleep(50); // polling another process's state file; no event to wait on
        }
        throw new AssertionError("the run never started");
    }
}
