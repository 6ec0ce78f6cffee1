package dev.tandem.appium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPortsTest {
    @TempDir
    Path locks;

    private static List<HostPorts.Request> android() {
        List<HostPorts.Request> r = new ArrayList<>();
        r.add(new HostPorts.Request("server", null, null));
        MobilePlatform.ANDROID.ports().forEach(p -> r.add(new HostPorts.Request(p, null, null)));
        return r;
    }

    @Test
    void everyPortIsDistinctLockedAndRecordedByName() throws Exception {
        List<HostPorts> held = new ArrayList<>();
        Set<Integer> all = new HashSet<>();
        try {
            for (int device = 1; device <= 8; device++) {
                HostPorts p = HostPorts.assign(locks, "d-" + device, android(), port -> "");
                held.add(p);
                assertThat(p.ports().keySet()).containsExactlyInAnyOrder("server", "appium:systemPort", "appium:mjpegServerPort",
                        "appium:chromedriverPort");
                all.addAll(p.ports().values());
                p.ports().values().forEach(port -> assertThat(locks.resolve("port-" + port + ".lock")).exists());
                assertThat(Files.readString(locks.resolve("port-" + p.port("server") + ".owner"))).contains("device d-" + device);
            }
            assertThat(all).as("8 devices x 4 ports, no two alike").hasSize(32);
        } finally {
            held.forEach(HostPorts::close);
        }
    }

    @Test
    void aPortHeldByAnotherDeviceIsNeverHandedOutAgainAndAnExplicitOneIsRefusedNamingItsHolder() {
        try (HostPorts first = HostPorts.assign(locks, "d-1", List.of(new HostPorts.Request("server", null, null)), p -> "")) {
            int taken = first.port("server");
            // the second device's previous port is the one d-1 holds now: it gets another
            try (HostPorts second = HostPorts.assign(locks, "d-2", List.of(new HostPorts.Request("server", null, taken)), p -> "")) {
                assertThat(second.port("server")).isNotEqualTo(taken);
                assertThat(second.origin("server")).isEqualTo(HostPorts.Origin.ASSIGNED);
            }
            // an explicit port that another Tandem device holds is refused, never replaced (same JVM: the
            // lock is this process's, which FileLock sees as taken, as another runner's would be)
            assertThatThrownBy(() -> HostPorts.assign(locks, "d-3", List.of(new HostPorts.Request("appium:systemPort", taken, null)), p -> ""))
                    .isInstanceOfSatisfying(TandemException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PORT_IN_USE);
                        assertThat(e.getMessage()).contains("appium:systemPort " + taken + " for d-3 is held by another Tandem runner (pid ")
                                .contains("device d-1");
                    });
        }
    }

    @Test
    void anExplicitPortAnotherProgramListensOnIsPortInUseNamingIt() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = other.getLocalPort();
            assertThatThrownBy(() -> HostPorts.assign(locks, "d-1", List.of(new HostPorts.Request("appium:wdaLocalPort", port, null)),
                    p -> " by pid 4242 (python3)"))
                    .isInstanceOfSatisfying(TandemException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PORT_IN_USE);
                        assertThat(e.getMessage()).contains("appium:wdaLocalPort " + port + " for d-1 is in use on 127.0.0.1 by pid 4242 (python3)");
                    });
            assertThat(Files.exists(locks.resolve("port-" + port + ".lock"))).isTrue();
            // the refused port's lock was let go: a later claim of it (once free) succeeds
            other.close();
            try (HostPorts p = HostPorts.assign(locks, "d-1", List.of(new HostPorts.Request("appium:wdaLocalPort", port, null)), x -> "")) {
                assertThat(p.origin("appium:wdaLocalPort")).isEqualTo(HostPorts.Origin.EXPLICIT);
            }
        }
    }

    @Test
    void aPreviousPortStillFreeIsKeptAndClosingReleasesEveryPort() {
        int port;
        try (HostPorts p = HostPorts.assign(locks, "d-1", List.of(new HostPorts.Request("server", null, null)), x -> "")) {
            port = p.port("server");
        }
        try (HostPorts again = HostPorts.assign(locks, "d-1", List.of(new HostPorts.Request("server", null, port)), x -> "")) {
            assertThat(again.port("server")).isEqualTo(port);
            assertThat(again.origin("server")).isEqualTo(HostPorts.Origin.KEPT);
        }
    }

    @Test
    void aPortThatIsNoPortIsAUsageError() {
        assertThatThrownBy(() -> HostPorts.assign(locks, "d-1", List.of(new HostPorts.Request("appium:systemPort", 70_000, null)), x -> ""))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE));
    }
}
