package dev.tandem.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Tandem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Two daemons (two state dirs) cannot drive one device: the second is told who holds it. */
class MachineLockIT {

    @Test
    void secondStateDirGetsDeviceUnavailableNamingTheOwner() throws Exception {
        try (Tandem a = new Tandem(); Tandem b = new Tandem()) {
            String shared = a.work.resolve(".device-locks").toString();
            b.env("TANDEM_DEVICE_LOCK_DIR", shared);
            Path planA = a.write("quick.yaml", Plans.QUICK);
            Path planB = b.write("quick.yaml", Plans.QUICK);
            assertThat(a.run("run", planA.toString(), "--device", "sim:1").exit()).isZero();

            Tandem.Result r = b.run("run", planB.toString(), "--device", "sim:1", "--no-wait");
            assertThat(r.exit()).as(r.all()).isEqualTo(3);
            assertThat(r.all()).contains("DEVICE_UNAVAILABLE").contains("pid " + a.daemonPid()).contains(a.home.toString());

            Tandem.Result other = b.run("run", planB.toString(), "--no-wait");
            assertThat(other.exit()).as("any free device still works: " + other.all()).isZero();
            assertThat(b.runnerPid("sim-1")).as("b never drove sim-1").isEqualTo(-1);
        }
    }
}
