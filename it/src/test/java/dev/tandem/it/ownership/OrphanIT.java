package dev.tandem.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Tandem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** After a daemon kill -9 and the orphan TTL, no runner is left. */
class OrphanIT {

    @Test
    void runnersOfAKilledDaemonExitByThemselves() throws Exception {
        try (Tandem tandem = new Tandem().env("TANDEM_RUNNER_ORPHAN_TTL_MS", "1500")) {
            Path plan = tandem.write("quick.yaml", Plans.QUICK);
            Tandem.Result r = tandem.run("run", plan.toString(), "--device", "sim:1");
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(tandem.run("run", plan.toString(), "--device", "sim:2").exit()).isZero();
            long runner1 = tandem.runnerPid("sim-1");
            long runner2 = tandem.runnerPid("sim-2");
            assertThat(runner1).isPositive();
            ProcessHandle.of(tandem.daemonPid()).orElseThrow().destroyForcibly();
            assertThat(tandem.awaitNoProcesses(20_000)).as("orphans left").isEmpty();
            assertThat(ProcessHandle.of(runner1).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(ProcessHandle.of(runner2).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }
}
