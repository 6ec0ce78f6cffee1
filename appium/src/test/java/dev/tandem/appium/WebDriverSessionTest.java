package dev.tandem.appium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebDriverSessionTest {
    private FakeWebDriverServer server;
    private WebDriverClient client;
    private WebDriverSession session;

    @BeforeEach
    void start() throws Exception {
        server = new FakeWebDriverServer();
        client = new WebDriverClient(server.url(), FakeWebDriverServer.TOKEN);
        session = WebDriverSession.create(client, Map.of("platformName", "Android", "appium:automationName", "UiAutomator2"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void newSessionSendsTheCapabilitiesAsAlwaysMatch() {
        JsonNode body = server.commands("/session").getFirst().body();
        assertThat(body.at("/capabilities/alwaysMatch/appium:automationName").asText()).isEqualTo("UiAutomator2");
        assertThat(session.id()).isEqualTo(FakeWebDriverServer.SESSION);
        assertThat(session.capabilities().path("appium:deviceScreenSize").asText()).isEqualTo("100x100");
    }

    @Test
    void tapIsOneTouchPointerSequenceAtTheViewportPoint() {
        session.tap(540, 1200);
        var actions = server.commands("/actions");
        assertThat(actions).hasSize(1);
        JsonNode source = actions.getFirst().body().at("/actions/0");
        assertThat(source.path("type").asText()).isEqualTo("pointer");
        assertThat(source.at("/parameters/pointerType").asText()).isEqualTo("touch");
        JsonNode steps = source.path("actions");
        assertThat(steps.get(0).path("type").asText()).isEqualTo("pointerMove");
        assertThat(steps.get(0).path("origin").asText()).isEqualTo("viewport");
        assertThat(steps.get(0).path("x").asInt()).isEqualTo(540);
        assertThat(steps.get(0).path("y").asInt()).isEqualTo(1200);
        assertThat(steps).extracting(s -> s.path("type").asText()).containsExactly("pointerMove", "pointerDown", "pointerUp");
    }

    @Test
    void doubleTapLongPressAndSwipeAreTheirGestures() {
        session.doubleTap(10, 20);
        session.longPress(10, 20, Duration.ofMillis(800));
        session.swipe(50, 90, 50, 10, Duration.ofMillis(300));
        var actions = server.commands("/actions");
        assertThat(actions.get(0).body().at("/actions/0/actions")).filteredOn(s -> s.path("type").asText().equals("pointerDown")).hasSize(2);
        assertThat(actions.get(1).body().at("/actions/0/actions/2/duration").asLong()).isEqualTo(800);
        JsonNode swipe = actions.get(2).body().at("/actions/0/actions");
        assertThat(swipe.get(3).path("y").asInt()).isEqualTo(10);
        assertThat(swipe.get(3).path("duration").asLong()).isEqualTo(300);
    }

    @Test
    void typingIsAKeySourceWithoutAnElement() {
        session.typeKeys("hé👋");
        JsonNode source = server.commands("/actions").getFirst().body().at("/actions/0");
        assertThat(source.path("type").asText()).isEqualTo("key");
        assertThat(source.path("actions")).extracting(s -> s.path("value").asText())
                .containsExactly("h", "h", "é", "é", "👋", "👋");
    }

    @Test
    void mobileCommandsAreExecuteScriptsWithNamedArgs() {
        session.executeMobile("performEditorAction", Map.of("action", "search"));
        session.executeMobile("mobile: activateApp", Map.of("appId", "com.example.chat"));
        session.executeMobile("terminateApp", Map.of("appId", "com.example.chat"));
        session.executeMobile("clearApp", Map.of("appId", "com.example.chat"));
        session.executeMobile("openNotifications", Map.of());
        session.executeMobile("pressKey", Map.of("keycode", 4));
        var scripts = server.commands("/execute/sync");
        assertThat(scripts).extracting(r -> r.body().path("script").asText()).containsExactly(
                "mobile: performEditorAction", "mobile: activateApp", "mobile: terminateApp", "mobile: clearApp",
                "mobile: openNotifications", "mobile: pressKey");
        assertThat(scripts.get(0).body().at("/args/0/action").asText()).isEqualTo("search");
        assertThat(scripts.get(5).body().at("/args/0/keycode").asInt()).isEqualTo(4);
    }

    @Test
    void pageSourceScreenshotAndWindowRect() {
        server.pageSource.set("<hierarchy/>");
        assertThat(session.pageSource()).isEqualTo("<hierarchy/>");
        assertThat(session.windowRect()).isEqualTo(new Bounds(0, 0, 100, 100));
        assertThat(session.screenshotPng()).startsWith((byte) 0x89, (byte) 'P');
    }

    @Test
    void deleteEndsTheSession() {
        session.close();
        assertThat(server.commands("/session/" + FakeWebDriverServer.SESSION)).extracting(FakeWebDriverServer.Received::method)
                .containsExactly("DELETE");
    }

    @Test
    void anAttachedSessionIsDrivenButLeftOpenForItsOwner() {
        server.received.clear();
        WebDriverSession attached = WebDriverSession.attach(client, FakeWebDriverServer.SESSION, Map.of("pixelRatio", 2));
        attached.tap(3, 4);
        attached.close();
        assertThat(server.commands("/session")).as("no new session").isEmpty();
        assertThat(server.received).extracting(FakeWebDriverServer.Received::method).as("no DELETE: the daemon closes it")
                .containsExactly("POST");
        assertThat(attached.capabilities().path("pixelRatio").asInt()).isEqualTo(2);
    }

    @Test
    void aGridThatCannotReachTheSessionsNodeIsDeviceLost() {
        // Selenium Grid 4.47's router, when the relay node holding the session was killed
        server.failNext.set(new Object[] {"/source", 500, "unknown error", "Unable to execute request for an existing session:"
                + " Connection error (GET http://127.0.0.1:41089/session/x/source)"});
        assertThatThrownBy(() -> session.pageSource()).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_LOST)).hasMessageContaining("node").hasMessageContaining("/status");
    }

    @Test
    void sessionNotCreatedSaysWhichCapabilityToCheck() {
        server.failNext.set(new Object[] {"/session", 500, "session not created",
                "Could not find a driver for automationName 'UiAutomator3' and platformName 'Android'.\nstack"});
        assertThatThrownBy(() -> WebDriverSession.create(client, Map.of("platformName", "Android")))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUNNER_FAILED))
                .hasMessageContaining("devices.yaml").hasMessageContaining("appium:automationName")
                .hasMessageContaining("UiAutomator3").hasMessageNotContaining("stack");
    }

    @Test
    void anyErrorOnNewSessionIsTheCapabilitiesAdvice() {
        // Appium 3.8.0's actual reply when no installed driver matches.
        server.failNext.set(new Object[] {"/session", 500, "unknown error",
                "Could not find a driver for automationName 'UiAutomator2' and platformName 'Android'. Have you installed a driver"});
        assertThatThrownBy(() -> WebDriverSession.create(client, Map.of("platformName", "Android")))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUNNER_FAILED))
                .hasMessageContaining("appium driver list --installed").hasMessageContaining("'UiAutomator2'");
    }

    @Test
    void w3cErrorsMapToTandemCodes() {
        server.failNext.set(new Object[] {"/actions", 404, "invalid session id", "gone"});
        assertThatThrownBy(() -> session.tap(1, 1)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_RESET));
        server.failNext.set(new Object[] {"/execute/sync", 404, "unknown method", "Unsupported execute method 'mobile: clearApp'"});
        assertThatThrownBy(() -> session.executeMobile("clearApp", Map.of())).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS)).hasMessageContaining("does not implement");
        server.failNext.set(new Object[] {"/source", 500, "something odd", "driver crashed"});
        assertThatThrownBy(() -> session.pageSource()).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RUNNER_FAILED)).hasMessageContaining("driver crashed");
    }

    @Test
    void aServerThatIsNotThereIsDeviceUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (WebDriverClient gone = new WebDriverClient(URI.create("http://127.0.0.1:" + port), null)) {
            assertThatThrownBy(() -> gone.get("/status", Duration.ofSeconds(2))).isInstanceOfSatisfying(TandemException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE)).hasMessageContaining("start the Appium server");
        }
    }
}
