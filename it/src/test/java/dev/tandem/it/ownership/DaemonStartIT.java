package dev.tandem.it.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.LoopbackHttpClient;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One daemon per state dir: N CLIs starting at once end with one; the token is required; versions are checked. */
class DaemonStartIT {

    @Test
    void concurrentClisStartExactlyOneDaemon() throws Exception {
        try (Tandem tandem = new Tandem()) {
            List<Process> clis = new ArrayList<>();
            for (int i = 0; i < 6; i++) clis.add(tandem.start("devices"));
            for (Process p : clis) assertThat(Tandem.finish(p, 60_000).exit()).isZero();
            long daemons = tandem.processes().stream()
                    .filter(pid -> ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("").contains("DaemonMain"))
                    .count();
            assertThat(daemons).isEqualTo(1);
        }
    }

    @Test
    void requestsWithoutTheTokenAreRefused() throws Exception {
        try (Tandem tandem = new Tandem()) {
            assertThat(tandem.run("daemon", "start").exit()).isZero();
            int port = (int) Json.tree(Files.readAllBytes(tandem.home.resolve("daemon.json"))).path("port").asLong();
            try (LoopbackHttpClient none = new LoopbackHttpClient(port, null);
                    LoopbackHttpClient wrong = new LoopbackHttpClient(port, "not-the-token")) {
                HttpResponse a = none.send("GET", "/v1/status", null, 5_000);
                HttpResponse b = wrong.send("GET", "/v1/devices", null, 5_000);
                assertThat(a.status()).isEqualTo(401);
                assertThat(b.status()).isEqualTo(401);
            }
        }
    }

    @Test
    void anIdleDaemonOfAnotherVersionIsReplaced() throws Exception {
        // A daemon that reports another version, as one left running by an older Tandem does. Editing
        // its daemon.json raced with the daemon, which rewrites the file within a second (flaky).
        try (Tandem tandem = new Tandem().env("TANDEM_TEST_FAULTS", "1").env("TANDEM_TEST_DAEMON_VERSION", "0.0.0-other")) {
            assertThat(tandem.run("daemon", "start").exit()).isZero();
            long old = tandem.daemonPid();
            assertThat(Files.readString(tandem.home.resolve("daemon.json"))).contains("0.0.0-other");
            tandem.env("TANDEM_TEST_DAEMON_VERSION", ""); // this CLI, and the daemon it starts, are the current version
            Tandem.Result r = tandem.run("devices");
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(tandem.daemonPid()).isNotEqualTo(old);
            assertThat(ProcessHandle.of(old).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }
}
