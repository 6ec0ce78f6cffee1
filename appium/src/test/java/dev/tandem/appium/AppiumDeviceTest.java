package dev.tandem.appium;

import static dev.tandem.appium.Fixtures.byId;
import static dev.tandem.appium.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.Direction;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.Notification;
import dev.tandem.device.TapKind;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppiumDeviceTest {
    private FakeWebDriverServer server;
    private WebDriverClient client;

    private AppiumDevice device(MobilePlatform platform, String fixture, int width, int height) throws Exception {
        server = new FakeWebDriverServer();
        server.windowSize.set(new int[] {width, height});
        server.pageSource.set(read(fixture));
        client = new WebDriverClient(server.url(), FakeWebDriverServer.TOKEN);
        return new AppiumDevice("android-1", platform, WebDriverSession.create(client, Map.of("platformName", "Android")));
    }

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (server != null) server.close();
    }

    private List<JsonNode> scripts() {
        return server.commands("/execute/sync").stream().map(FakeWebDriverServer.Received::body).toList();
    }

    private JsonNode firstMove(int actionIndex) {
        return server.commands("/actions").get(actionIndex).body().at("/actions/0/actions/0");
    }

    @Test
    void tapGoesToTheCentreOfTheSnapshotsElementWithoutFindingIt() throws Exception {
        AppiumDevice d = device(MobilePlatform.ANDROID, "android-login.xml", 1080, 2340);
        Snapshot snap = d.snapshot();
        UiNode email = byId(snap.root(), "email");
        d.tap(email, TapKind.TAP);
        d.tap(email, TapKind.LONG_PRESS);
        assertThat(server.commands("/actions")).hasSize(2);
        assertThat(firstMove(0).path("x").asInt()).isEqualTo(email.bounds().centerX());
        assertThat(firstMove(0).path("y").asInt()).isEqualTo(email.bounds().centerY());
        assertThat(server.received).noneMatch(r -> r.path().contains("/element"));
        assertThat(snap.width()).isEqualTo(1080);
        assertThat(snap.device()).isEqualTo("android-1");
    }

    @Test
    void theUiVersionAdvancesWhenTheSourceChangesAndWaitsWakeOnIt() throws Exception {
        AppiumDevice d = device(MobilePlatform.ANDROID, "android-login.xml", 1080, 2340);
        d.snapshot();
        long v = d.uiVersion();
        d.snapshot();
        assertThat(d.uiVersion()).as("same source, same version").isEqualTo(v);
        server.pageSource.set(read("android-list-scrolled.xml"));
        long t0 = System.nanoTime();
        d.awaitUiChange(v, t0 + Duration.ofSeconds(10).toNanos());
        assertThat(d.uiVersion()).isNotEqualTo(v);
        assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(5).toNanos());
        assertThat(byId(d.snapshot().root(), "conversations").role()).isEqualTo("list");
    }

    @Test
    void settledOnlyWhenTheSourceIsStableForTheWindowSinceTheLastAction() throws Exception {
        AppiumDevice d = device(MobilePlatform.ANDROID, "android-login.xml", 1080, 2340);
        d.tap(byId(d.snapshot().root(), "submit"), TapKind.TAP);
        assertThat(d.isSettled()).as("just acted").isFalse();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!d.isSettled()) {
            assertThat(System.nanoTime()).as("settles within its window").isLessThan(deadline);
            d.awaitUiChange(d.uiVersion(), System.nanoTime() + AppiumDevice.POLL_NS);
        }
        server.animating.set(true);
        long v = d.uiVersion();
        d.awaitUiChange(v, System.nanoTime() + Duration.ofSeconds(5).toNanos());
        assertThat(d.uiVersion()).as("the animation is seen").isNotEqualTo(v);
        long until = System.nanoTime() + 3 * MobilePlatform.ANDROID.settle().window().toNanos();
        while (System.nanoTime() < until) {
            assertThat(d.isSettled()).as("a source that keeps changing is never settled").isFalse();
            d.awaitUiChange(d.uiVersion(), System.nanoTime() + AppiumDevice.POLL_NS);
        }
    }

    @Test
    void androidButtonsAppsAndImeActionsAreMobileCommands() throws Exception {
        AppiumDevice d = device(MobilePlatform.ANDROID, "android-keyboard.xml", 1080, 2340);
        d.pressButton(dev.tandem.protocol.Button.BACK);
        d.launchApp(new LaunchRequest("com.example.chat", null, true, null, null, Map.of()));
        d.imeAction(dev.tandem.protocol.ImeAction.SEND);
        d.stopApp("com.example.chat");
        assertThat(scripts()).extracting(b -> b.path("script").asText()).containsExactly("mobile: pressKey",
                "mobile: clearApp", "mobile: activateApp", "mobile: performEditorAction", "mobile: terminateApp");
        assertThat(scripts().get(0).at("/args/0/keycode").asInt()).isEqualTo(4);
        assertThat(scripts().get(2).at("/args/0/appId").asText()).isEqualTo("com.example.chat");
        assertThat(d.snapshot().app()).isNull();
    }

    @Test
    void clearTextDeletesTheFocusedFieldsCharacters() throws Exception {
        AppiumDevice d = device(MobilePlatform.ANDROID, "android-keyboard.xml", 1080, 2340);
        d.clearText();
        JsonNode keys = server.commands("/actions").getFirst().body().at("/actions/0/actions");
        assertThat(keys).hasSize(2 * "Hello the".length());
        assertThat(keys).allMatch(k -> k.path("value").asText().equals("\uE003"));
    }

    @Test
    void iosImeActionTapsTheReturnKeyAndHasNoBackButton() throws Exception {
        AppiumDevice d = device(MobilePlatform.IOS, "ios-keyboard.xml", 390, 844);
        d.imeAction(dev.tandem.protocol.ImeAction.SEND);
        assertThat(firstMove(0).path("x").asInt()).isEqualTo(292 + 95 / 2);
        assertThatThrownBy(() -> d.pressButton(dev.tandem.protocol.Button.BACK)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS)).hasMessageContaining("iOS has no back button");
        assertThatThrownBy(d::openTray).hasMessageContaining("only Android");
        d.launchApp(new LaunchRequest("com.example.Chat", null, false, null, null, Map.of()));
        assertThat(scripts().getLast().at("/args/0/bundleId").asText()).isEqualTo("com.example.Chat");
    }

    @Test
    void theShadesNotificationsAreReadAndTappedFromThePageSource() throws Exception {
        AppiumDevice d = device(MobilePlatform.ANDROID, "android-notification-shade.xml", 1080, 2340);
        d.openTray();
        List<Notification> ns = d.notifications();
        assertThat(ns).extracting(Notification::title, Notification::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Alice", "Lunch at noon?"),
                        org.assertj.core.groups.Tuple.tuple("Order shipped", "Arrives Thursday"));
        assertThat(d.snapshot().screen()).isEqualTo("notifications");
        d.tapNotification(ns.get(1));
        assertThat(firstMove(0).path("y").asInt()).isEqualTo((910 + 1190) / 2);
        assertThat(scripts()).extracting(b -> b.path("script").asText()).containsExactly("mobile: openNotifications");
    }

    @Test
    void swipeUpWithinAListMovesTheFingerUpInsideIt() throws Exception {
        AppiumDevice d = device(MobilePlatform.ANDROID, "android-list-scrolled.xml", 1080, 2340);
        UiNode list = byId(d.snapshot().root(), "conversations");
        d.swipe(Direction.UP, list);
        JsonNode steps = server.commands("/actions").getFirst().body().at("/actions/0/actions");
        int fromY = steps.get(0).path("y").asInt(), toY = steps.get(3).path("y").asInt();
        assertThat(fromY).isGreaterThan(toY);
        assertThat(list.bounds().contains(540, fromY)).isTrue();
        assertThat(list.bounds().contains(540, toY)).isTrue();
    }

    @Test
    void theFakeDriverRefusesWhatItCannotDoWithAReason() throws Exception {
        AppiumDevice d = device(MobilePlatform.FAKE, "android-login.xml", 1080, 2340);
        assertThatThrownBy(() -> d.pressButton(dev.tandem.protocol.Button.HOME)).hasMessageContaining("fake driver");
        assertThatThrownBy(() -> d.imeAction(dev.tandem.protocol.ImeAction.DONE)).hasMessageContaining("fake driver");
    }
    @Test
    void onTheFakeAStepsSettleReadIsTheNextStepsSnapshotAcrossTheGapBetweenSteps() throws Exception {
        // The fake's source changes with nothing but a new session: a tapOn costs one pointer action
        // and one source read (its settle check), also when the engine takes a while between steps.
        AppiumDevice d = device(MobilePlatform.FAKE, "fake-app.xml", 390, 844);
        server.pageSource.set("<AppiumAUT>" + read("fake-app.xml") + "</AppiumAUT>"); // as the fake driver serves it
        var params = dev.tandem.protocol.Json.toTree(Map.of("id", "submit"));
        for (int i = 0; i < 5; i++) {
            dev.tandem.device.ToolExecutor.run(d, dev.tandem.protocol.Tool.TAP_ON, params,
                    dev.tandem.device.CommandContext.withTimeout(10_000, null));
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // the engine's gap: time passing, not a wait for a condition
        }
        assertThat(server.commands("/actions")).hasSize(5);
        assertThat(server.commands("/source")).as("the first step's read, then one settle read a step").hasSize(1 + 5);
    }
}
