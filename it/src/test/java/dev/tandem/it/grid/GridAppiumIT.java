package dev.tandem.it.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.tandem.daemon.prepare.appium.AppiumInstall;
import dev.tandem.it.Tandem;
import dev.tandem.it.prepare.TestAppium;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Appium on a Grid (docs/grid.md): Appium's fake driver behind a relay node of a real Selenium Grid
 * 4 hub, and a daemon whose only device is that Grid slot. The Appium backend speaks to the Grid
 * URL as to a server it does not own; the plan passes, and its session is closed on the Grid.
 */
class GridAppiumIT {
    @Test
    void aPlanRunsOnAnAppiumDeviceBehindAGridRelayNodeAndItsSessionIsClosed() throws Exception {
        assumeThat(GridFixture.available()).as("the selenium-grid class path").isTrue();
        AppiumInstall install = TestAppium.fakeDriver(); // skips (or fails under TANDEM_REQUIRE_APPIUM) without it
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("tandem-grid-appium-", ".log");
        ProcessBuilder pb = new ProcessBuilder(install.appiumBin().toString(), "server", "--address", "127.0.0.1", "--port",
                Integer.toString(port), "--log-no-colors").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("APPIUM_HOME", install.appiumHome().toString());
        Process appium = pb.start();
        try (GridFixture grid = GridFixture.start(); Tandem t = new Tandem().env("TANDEM_CACHE_DIR", TestAppium.cacheDir().toString())) {
            grid.addRelayNode(URI.create("http://127.0.0.1:" + port),
                    "{\"platformName\": \"Fake\", \"appium:automationName\": \"Fake\", \"appium:deviceName\": \"Grid Fake\"}");
            Path app = Tandem.ROOT.resolve("examples/appium/shop-app.xml");
            Path devices = t.write("devices.yaml", "sources:\n  - type: grid\n    url: " + grid.url() + "\n    stereotypes:\n"
                    + "      - {platformName: Fake, appium:automationName: Fake, appium:app: '" + app + "'}\n");
            Tandem.Result run = t.run("run", Tandem.ROOT.resolve("examples/appium/login.yaml").toString(), "--devices", devices.toString(),
                    "-o", "out");
            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(run.all()).contains("grid-appium-fake-1");
            grid.awaitStatus(s -> GridIT.sessions(s) == 0, 20_000, "the Appium session closed on the Grid");
            assertThat(Files.readString(log)).as("the relay forwarded Tandem's session to Appium, and its end").contains("DELETE /session/");
        } finally {
            appium.descendants().forEach(ProcessHandle::destroyForcibly);
            appium.destroyForcibly();
            appium.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        }
    }
}
