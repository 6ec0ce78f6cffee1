package dev.tandem.it.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.daemon.prepare.appium.AppiumInstall;
import dev.tandem.it.Tandem;
import dev.tandem.it.prepare.TestAppium;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Appium on a Grid (docs/grid.md): Appium's fake driver behind a relay node of a real Selenium Grid
 * 4 hub, and a daemon whose only device is that Grid slot. The daemon opens the Appium session
 * through the Grid and records it; the runner attaches to it. The plan passes and its session is
 * closed; a daemon killed mid-run leaves a session the next daemon closes; a relay node killed
 * mid-run fails the device with DEVICE_LOST at once. The node kill comes last: it takes the relay away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridAppiumIT {
    static final String DEVICE = "grid-appium-fake-1";
    /** A device that never sees the text: its runner polls the page source until the step's bound, unless the device goes first. */
    static final String WAITING_PLAN = """
            steps:
            - {tool: assertVisible, text: Never, timeout: 60000}
            """;
    static Process appium;
    static Path appiumLog;
    static GridFixture grid;
    static Tandem tandem;

    @BeforeAll
    static void start() throws Exception {
        assumeThat(GridFixture.available()).as("the selenium-grid class path").isTrue();
        AppiumInstall install = TestAppium.fakeDriver(); // skips (or fails under TANDEM_REQUIRE_APPIUM) without it
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        appiumLog = Files.createTempFile("tandem-grid-appium-", ".log");
        ProcessBuilder pb = new ProcessBuilder(install.appiumBin().toString(), "server", "--address", "127.0.0.1", "--port",
                Integer.toString(port), "--log-no-colors").redirectErrorStream(true).redirectOutput(appiumLog.toFile());
        pb.environment().put("APPIUM_HOME", install.appiumHome().toString());
        appium = pb.start();
        grid = GridFixture.start();
        grid.addRelayNode(URI.create("http://127.0.0.1:" + port),
                "{\"platformName\": \"Fake\", \"appium:automationName\": \"Fake\", \"appium:deviceName\": \"Grid Fake\"}");
        tandem = new Tandem().env("TANDEM_CACHE_DIR", TestAppium.cacheDir().toString());
        Path app = Tandem.ROOT.resolve("examples/appium/shop-app.xml");
        Path devices = tandem.write("devices.yaml", "sources:\n  - type: grid\n    url: " + grid.url() + "\n    stereotypes:\n"
                + "      - {platformName: Fake, appium:automationName: Fake, appium:app: '" + app + "'}\n");
        tandem.env("TANDEM_DEVICES_FILE", devices.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            GridRuns.stop(tandem, grid);
        } finally {
            if (appium != null) {
                appium.descendants().forEach(ProcessHandle::destroyForcibly);
                appium.destroyForcibly();
                appium.waitFor(10, TimeUnit.SECONDS);
            }
            if (appiumLog != null) Files.deleteIfExists(appiumLog);
        }
    }

    @Test
    @Order(1)
    void aPlanRunsOnAnAppiumDeviceBehindAGridRelayNodeAndItsSessionIsClosed() throws Exception {
        Tandem.Result run = tandem.run("run", Tandem.ROOT.resolve("examples/appium/login.yaml").toString(), "-o", "out");
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.all()).contains(DEVICE);
        grid.awaitStatus(s -> GridIT.sessions(s) == 0, 20_000, "the Appium session closed on the Grid");
        String log = Files.readString(appiumLog);
        assertThat(log).as("the relay forwarded the daemon's session to Appium, and its end").contains("POST /session")
                .contains("DELETE /session/");
    }

    @Test
    @Order(2)
    void theNextDaemonClosesTheAppiumSessionOfADaemonKilledMidRun() throws Exception {
        Path plan = tandem.write("waiting.yaml", WAITING_PLAN);
        Process run = tandem.start("run", plan.toString(), "-o", "crash");
        long runner;
        try {
            GridRuns.awaitRunnerUp(tandem, List.of(DEVICE));
            assertThat(recordedSessions()).as("the daemon recorded the Appium session it opened").hasSize(1);
            runner = tandem.runnerPid(DEVICE);
            GridRuns.killDaemon(tandem);
            assertThat(grid.sessions()).as("the session outlives the killed daemon").isEqualTo(1);
        } finally {
            run.destroyForcibly();
            run.waitFor(10, TimeUnit.SECONDS);
        }
        Tandem.Result devices = tandem.run("devices"); // starts the next daemon
        assertThat(devices.exit()).as(devices.all()).isZero();
        grid.awaitStatus(s -> GridIT.sessions(s) == 0, 20_000, "the next daemon closed the orphaned Appium session");
        assertThat(ProcessHandle.of(runner).map(ProcessHandle::isAlive).orElse(false)).as("the killed daemon's runner is stopped").isFalse();
        long next = tandem.daemonPid();
        assertThat(tandem.processes()).as("no runner or Appium server of ours but the next daemon").containsOnly(next);
        assertThat(recordedSessions()).as("nothing left on record").isEmpty();
    }

    @Test
    @Order(3)
    void aRelayNodeKilledMidRunFailsItsDeviceWithDeviceLostFast() throws Exception {
        Path plan = tandem.write("waiting.yaml", WAITING_PLAN);
        Process run = tandem.start("run", plan.toString(), "-o", "lost");
        GridRuns.awaitRunnerUp(tandem, List.of(DEVICE));
        JsonNode status = grid.awaitStatus(s -> GridIT.sessions(s) == 1, 10_000, "the run's session open");
        String uri = status.path("nodes").get(0).path("uri").asText();
        GridRuns.Ended end = GridRuns.killNode(grid, uri, run);
        assertThat(end.result().exit()).as(end.result().all()).isEqualTo(3);
        assertThat(end.result().all()).contains("DEVICE_LOST");
        assertThat(end.ms()).as("the loss is noticed, not the 60 s assertVisible bound waited out").isLessThan(20_000);
    }

    static List<Path> recordedSessions() throws Exception {
        Path dir = tandem.home.resolve("runners/grid-sessions");
        if (!Files.isDirectory(dir)) return List.of();
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
    }
}
