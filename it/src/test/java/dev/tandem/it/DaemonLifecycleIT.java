package dev.tandem.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `tandem daemon stop` leaves no Tandem process behind. */
class DaemonLifecycleIT {

    @Test
    void daemonStopLeavesNoProcess() throws Exception {
        try (Tandem tandem = new Tandem()) {
            Tandem.Result run = tandem.run("run", tandem.example("chat.yaml").toString());
            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(tandem.processes()).as("daemon and two runners are up").hasSizeGreaterThanOrEqualTo(3);
            Tandem.Result stop = tandem.run("daemon", "stop");
            assertThat(stop.exit()).as(stop.all()).isZero();
            assertThat(tandem.awaitNoProcesses(15_000)).as("processes left after daemon stop").isEmpty();
            Tandem.Result status = tandem.run("daemon", "status");
            assertThat(status.out()).contains("no daemon running");
        }
    }
}
