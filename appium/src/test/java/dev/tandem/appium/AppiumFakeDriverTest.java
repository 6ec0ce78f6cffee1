package dev.tandem.appium;

import static dev.tandem.appium.Fixtures.byId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real Appium 3.8.0 server with @appium/fake-driver 6.2.4, as {@code tandem prepare
 * --platform appium} installs it: {@code $TANDEM_TEST_APPIUM_HOME} names the install dir
 * ({@code <cache>/appium/<key>}, the prepare's {@code installDir}; scripts/test.sh sets it). Skips,
 * saying how to get it, when it is not there, unless {@code TANDEM_REQUIRE_APPIUM=1} (test.sh,
 * CI), which makes that a failure. (This module cannot use the daemon's AppiumInstalls lookup.)
 */
class AppiumFakeDriverTest {
    private static Process appium;
    private static WebDriverClient client;
    private static Path log;
    private static String notInstalled;

    @BeforeEach
    void requireAppium() {
        if (notInstalled != null && "1".equals(System.getenv("TANDEM_REQUIRE_APPIUM"))) {
            throw new AssertionError(notInstalled + " (TANDEM_REQUIRE_APPIUM=1)");
        }
        assumeTrue(notInstalled == null, notInstalled);
    }

    @BeforeAll
    static void startAppium() throws Exception {
        String configured = System.getenv("TANDEM_TEST_APPIUM_HOME");
        String howTo = "run scripts/test.sh, or `./tandem prepare --platform appium --json` and set TANDEM_TEST_APPIUM_HOME"
                + " to the installDir it prints";
        if (configured == null || configured.isBlank()) {
            // Not an assumption here: surefire reports a class skipped in @BeforeAll as zero tests, silently.
            notInstalled = "Appium is not prepared for this test (TANDEM_TEST_APPIUM_HOME is not set): " + howTo;
            return;
        }
        Path install = Path.of(configured).toAbsolutePath();
        Path bin = install.resolve("node_modules/.bin/appium");
        Path driver = install.resolve("home/node_modules/@appium/fake-driver");
        if (!Files.isExecutable(bin) || !Files.isDirectory(driver)) {
            notInstalled = "TANDEM_TEST_APPIUM_HOME=" + install + " holds no Appium install with the fake driver: " + howTo;
            return;
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // a brief probe-then-bind race; the backend will assign ports under the device lock
        }
        log = Files.createTempFile("appium-", ".log");
        ProcessBuilder pb = new ProcessBuilder(bin.toString(), "server", "--address", "127.0.0.1", "--port",
                String.valueOf(port), "--log-no-colors");
        pb.environment().put("APPIUM_HOME", install.resolve("home").toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        appium = pb.start();
        client = new WebDriverClient(URI.create("http://127.0.0.1:" + port), null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (client.get("/status", Duration.ofSeconds(2)).path("ready").asBoolean()) break;
            } catch (TandemException notYet) {
                if (!appium.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("Appium did not become ready; its log:\n" + Files.readString(log), notYet);
                }
            }
            appium.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS); // wakes early if it dies
        }
    }

    @AfterAll
    static void stopAppium() throws Exception {
        if (client != null) client.close();
        if (appium != null) {
            appium.descendants().forEach(ProcessHandle::destroy);
            appium.destroy();
            if (!appium.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) appium.destroyForcibly();
        }
    }

    private static Map<String, Object> fakeCaps() throws URISyntaxException {
        String app = new File(AppiumFakeDriverTest.class.getResource("fake-app.xml").toURI()).getAbsolutePath();
        return Map.of("platformName", "Fake", "appium:automationName", "Fake", "appium:deviceName", "Fake", "appium:app", app);
    }

    @Test
    void sessionPageSourceAndTapOnARealServer() throws Exception {
        long t0 = System.nanoTime();
        WebDriverSession session = WebDriverSession.create(client, fakeCaps());
        long created = System.nanoTime() - t0;
        try (session) {
            var rect = session.windowRect();
            UiNode root = PageSourceParser.parse(session.pageSource(), rect.width(), rect.height());
            UiNode submit = byId(root, "submit");
            assertThat(submit.role()).isEqualTo("button");
            assertThat(submit.text()).isEqualTo("Sign in");
            assertThat(byId(root, "email").hint()).isEqualTo("Email");
            assertThat(byId(root, "remember").checked()).isTrue();
            assertThat(root.flatten()).noneMatch(n -> "help".equals(n.id()));
            UiNode orders = byId(root, "orders");
            assertThat(orders.children()).extracting(UiNode::text)
                    .containsExactly("Order 1001\nShipped", "Order 1002", "Order 1003");
            assertThat(orders.children().get(1).children()).extracting(UiNode::id).containsExactly("track-2");

            List<Long> taps = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long s = System.nanoTime();
                session.tap(submit.bounds().centerX(), submit.bounds().centerY());
                taps.add(System.nanoTime() - s);
            }
            List<Long> sources = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long s = System.nanoTime();
                session.pageSource();
                sources.add(System.nanoTime() - s);
            }
            // The fake driver records performed actions in its 'actions' log: the tap reached it at the centre.
            JsonNode actionLog = client.post("/session/" + session.id() + "/se/log", Json.toTree(Map.of("type", "actions")), Duration.ofSeconds(10));
            JsonNode move = actionLog.get(0).at("/0/actions/0");
            assertThat(move.path("x").asInt()).isEqualTo(195);
            assertThat(move.path("y").asInt()).isEqualTo(345);
            System.out.printf("fake driver: session created in %d ms; tap p50 %.1f ms; page source p50 %.1f ms%n",
                    created / 1_000_000, p50(taps), p50(sources));
        }
    }

    @Test
    void mobileCommandsTheFakeDriverLacksAreActionableErrors() throws Exception {
        try (WebDriverSession session = WebDriverSession.create(client, fakeCaps())) {
            assertThatThrownBy(() -> session.executeMobile("activateApp", Map.of("appId", "x")))
                    .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS))
                    .hasMessageContaining("does not implement").hasMessageContaining("mobile: activateApp");
        }
    }

    @Test
    void aMissingAppCapabilityIsSessionNotCreatedNamingIt() {
        assertThatThrownBy(() -> WebDriverSession.create(client,
                Map.of("platformName", "Fake", "appium:automationName", "Fake", "appium:deviceName", "Fake")))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUNNER_FAILED))
                .hasMessageContaining("devices.yaml").hasMessageContaining("'app' is required");
    }

    @Test
    void elementStatesInSelectorsReadTheRealPageSource() throws Exception {
        try (WebDriverSession session = WebDriverSession.create(client, fakeCaps())) {
            AppiumDevice device = new AppiumDevice("fake-1", MobilePlatform.FAKE, session);
            var ctx = dev.tandem.device.CommandContext.withTimeout(10_000, null);
            dev.tandem.device.ToolExecutor.run(device, dev.tandem.protocol.Tool.ASSERT_VISIBLE,
                    Json.toTree(Map.of("id", "remember", "checked", true, "enabled", true)), ctx);
            dev.tandem.device.ToolExecutor.run(device, dev.tandem.protocol.Tool.ASSERT_VISIBLE,
                    Json.toTree(Map.of("textContains", "1002", "role", "listitem")), ctx); // its text child reads as the item
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.tandem.device.ToolExecutor.run(device,
                            dev.tandem.protocol.Tool.ASSERT_VISIBLE, Json.toTree(Map.of("id", "submit", "enabled", false, "timeout", 50)),
                            dev.tandem.device.CommandContext.withTimeout(10_000, null)))
                    .hasMessageContaining("found button \"Sign in\" #submit but it is enabled");
        }
    }

    @Test
    void tapOnThroughTheToolExecutorOnAnAppiumDevice() throws Exception {
        try (WebDriverSession session = WebDriverSession.create(client, fakeCaps())) {
            AppiumDevice device = new AppiumDevice("fake-1", MobilePlatform.FAKE, session);
            List<Long> tandem = new ArrayList<>();
            List<Long> raw = new ArrayList<>();
            int warmUp = 10, measured = 40; // interleaved, so both see the same machine load
            for (int i = 0; i < warmUp + measured; i++) {
                if (i == warmUp) {
                    tandem.clear();
                    raw.clear();
                }
                long s = System.nanoTime();
                dev.tandem.device.ToolExecutor.run(device, dev.tandem.protocol.Tool.TAP_ON,
                        Json.toTree(Map.of("id", "submit")), dev.tandem.device.CommandContext.withTimeout(10_000, null));
                tandem.add(System.nanoTime() - s);
                // The same tap as a W3C client writes it: find the element, then click it.
                s = System.nanoTime();
                JsonNode el = client.post("/session/" + session.id() + "/element",
                        Json.toTree(Map.of("using", "id", "value", "submit")), Duration.ofSeconds(10));
                client.post("/session/" + session.id() + "/element/" + el.elements().next().asText() + "/click",
                        null, Duration.ofSeconds(10));
                raw.add(System.nanoTime() - s);
            }
            JsonNode actionLog = client.post("/session/" + session.id() + "/se/log", Json.toTree(Map.of("type", "actions")), Duration.ofSeconds(10));
            assertThat(actionLog.size()).isEqualTo(warmUp + measured);
            assertThat(actionLog.get(0).at("/0/actions/0/x").asInt()).isEqualTo(195);
            // Back to back, as a plan's steps run: each tapOn's settle read is the next one's snapshot.
            int n = 40;
            long s = System.nanoTime();
            for (int i = 0; i < n; i++) {
                dev.tandem.device.ToolExecutor.run(device, dev.tandem.protocol.Tool.TAP_ON,
                        Json.toTree(Map.of("id", "submit")), dev.tandem.device.CommandContext.withTimeout(10_000, null));
            }
            double tandemSeq = (System.nanoTime() - s) / 1e6 / n;
            s = System.nanoTime();
            for (int i = 0; i < n; i++) {
                JsonNode el = client.post("/session/" + session.id() + "/element",
                        Json.toTree(Map.of("using", "id", "value", "submit")), Duration.ofSeconds(10));
                client.post("/session/" + session.id() + "/element/" + el.elements().next().asText() + "/click",
                        null, Duration.ofSeconds(10));
            }
            double rawSeq = (System.nanoTime() - s) / 1e6 / n;
            System.out.printf("fake driver: %d tapOns back to back %.1f ms each; raw find+click back to back %.1f ms each%n",
                    n, tandemSeq, rawSeq);
            System.out.printf("fake driver: tapOn through ToolExecutor p50 %.1f ms (with its settle); raw find+click p50 %.1f ms%n",
                    p50(tandem), p50(raw));
        }
    }

    @Test
    void anAutomationNameWithoutADriverSaysHowToListTheInstalledOnes() {
        assertThatThrownBy(() -> WebDriverSession.create(client,
                Map.of("platformName", "Android", "appium:automationName", "UiAutomator2")))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUNNER_FAILED))
                .hasMessageContaining("appium driver list --installed").hasMessageContaining("Could not find a driver");
    }

    private static double p50(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
