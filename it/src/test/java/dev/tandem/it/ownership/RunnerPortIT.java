package dev.tandem.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Tandem;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An explicit runner port is used as given; a taken one is an error naming the port, never another port. */
class RunnerPortIT {

    @Test
    void takenPortIsAClearErrorAndAFreeOneIsUsed() throws Exception {
        try (Tandem tandem = new Tandem(); ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path plan = tandem.write("quick.yaml", Plans.QUICK);
            int port = taken.getLocalPort();
            Tandem.Result r = tandem.run("run", plan.toString(), "--device", "sim:4", "--runner-port", Integer.toString(port));
            assertThat(r.exit()).as(r.all()).isEqualTo(3);
            assertThat(r.all()).contains("PORT_IN_USE").contains(Integer.toString(port))
                    .contains("by pid " + ProcessHandle.current().pid() + " ("); // the holder, named through the OS seam

            int free;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                free = probe.getLocalPort();
            }
            Tandem.Result ok = tandem.run("run", plan.toString(), "--device", "sim:4", "--runner-port", Integer.toString(free));
            assertThat(ok.exit()).as(ok.all()).isZero();
            Tandem.Result sessions = tandem.run("sessions", "--json");
            assertThat(sessions.out()).contains("\"port\" : " + free);
        }
    }
}
