package dev.tandem.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Tandem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Truncated or garbage daemon.json, runner files and history: detected, logged, rebuilt — never fatal. */
class GarbageStateIT {

    @Test
    void garbageStateFilesAreDetectedLoggedAndRebuilt() throws Exception {
        try (Tandem tandem = new Tandem()) {
            Path plan = tandem.write("quick.yaml", Plans.QUICK);
            Files.createDirectories(tandem.home.resolve("runners"));
            Files.createDirectories(tandem.home.resolve("history"));
            Files.writeString(tandem.home.resolve("daemon.json"), "{\"pid\": 12, \"port\": ");
            Files.write(tandem.home.resolve("runners").resolve("sim-1.json"), new byte[] {0, 1, 2, (byte) 0xff, '{'});
            Files.writeString(tandem.home.resolve("history").resolve("durations.json"), "[not, a, map");

            Tandem.Result r = tandem.run("run", plan.toString(), "--device", "sim:1");
            assertThat(r.exit()).as(r.all()).isZero();
            Tandem.Result suite = tandem.run("test", plan.toString());
            assertThat(suite.exit()).as(suite.all()).isZero();

            assertThat(tandem.home.resolve("daemon.json.corrupt")).exists();
            assertThat(tandem.home.resolve("runners").resolve("sim-1.json.corrupt")).exists();
            assertThat(tandem.home.resolve("history").resolve("durations.json.corrupt")).exists();
            assertThat(tandem.daemonPid()).as("daemon.json rebuilt").isPositive();
            assertThat(tandem.runnerPid("sim-1")).as("runner file rebuilt").isPositive();
            String log = Files.readString(tandem.home.resolve("logs").resolve("daemon.log"));
            assertThat(log).contains("unreadable");
        }
    }
}
