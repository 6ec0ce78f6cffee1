package dev.tandem.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.device.CommandContext;
import dev.tandem.device.TapKind;
import dev.tandem.device.Waits;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transitions really change the tree frame by frame; waits see them settle. */
class SettlingTest {
    @TempDir
    Path dir;
    Driver d;

    @BeforeEach
    void open() {
        d = new Driver(new SimDevice(SimConfig.defaults("sim-slow", LatencyProfile.SLOW_ANIMATIONS)), dir);
    }

    @AfterEach
    void close() {
        d.close();
    }

    private static CommandContext ctx() {
        return CommandContext.withTimeout(10_000, Path.of("."));
    }

    @Test
    void launchSlidesTheAppInAndWaitsFindItOnlyOnceSettled() throws Exception {
        d.launch("com.example.login");
        assertThat(d.device.isSettled()).isFalse();
        assertThat(d.byId("com.chat.app")).isPresent(); // the launcher is still (partly) there
        UiNode email = Waits.forElement(d.device, new Selector(null, "email", null, null), 5_000, ctx());
        assertThat(d.device.isSettled()).isTrue();
        assertThat(email.bounds().x()).isEqualTo(16);
        assertThat(d.byId("com.chat.app")).isEmpty();
    }

    @Test
    void navigationAnimatesAndTheNewScreenIsFoundOnceSettled() throws Exception {
        d.launch("com.example.login");
        Waits.settle(d.device, ctx());
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "user@example.com");
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "password"), "text", "password123");
        UiNode signIn = d.byId("sign_in").orElseThrow();
        d.device.tap(signIn, TapKind.TAP); // the primitive: no settling

        assertThat(d.device.isSettled()).isFalse();
        List<Integer> welcomeXs = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!d.device.isSettled() && System.nanoTime() < deadline) {
            long v = d.device.uiVersion();
            Optional<UiNode> w = d.byId("welcome");
            w.ifPresent(n -> welcomeXs.add(n.bounds().x()));
            d.device.awaitUiChange(v, deadline);
        }
        assertThat(d.device.isSettled()).isTrue();
        // the incoming screen was on screen at several offsets before it came to rest
        assertThat(welcomeXs.stream().distinct().count()).isGreaterThan(2);
        assertThat(welcomeXs).allMatch(x -> x >= 16);

        UiNode welcome = Waits.forElement(d.device, new Selector("Welcome, user@example.com", null, null, null), 5_000, ctx());
        assertThat(welcome.bounds().x()).isEqualTo(16);
        assertThat(d.byId("sign_in")).isEmpty();
    }

    @Test
    void versionMovesWithEachFrameAndWaitersWake() throws Exception {
        d.launch("com.example.list");
        long v0 = d.device.uiVersion();
        long deadline = System.nanoTime() + 5_000_000_000L;
        d.device.awaitUiChange(v0, deadline);
        assertThat(d.device.uiVersion()).isNotEqualTo(v0);
        assertThat(System.nanoTime()).isLessThan(deadline);
        assertThat(Waits.settle(d.device, ctx())).isTrue();
        long settled = d.device.uiVersion();
        assertThat(d.device.uiVersion()).isEqualTo(settled);
    }

    @Test
    void toolsSettleAfterEachAction() throws Exception {
        d.run(Tool.LAUNCH_APP, "appId", "com.google.android.deskclock");
        assertThat(d.device.isSettled()).isTrue();
        d.run(Tool.PRESS_BUTTON, "button", "home");
        assertThat(d.device.isSettled()).isTrue();
        d.run(Tool.ASSERT_NOT_VISIBLE, "id", "com.google.android.deskclock:id/tab_menu_alarm", "timeout", 0);
    }

    @Test
    void awaitIsBoundedByItsDeadline() throws Exception {
        long v = d.device.uiVersion();
        long deadline = System.nanoTime() + 30_000_000L;
        d.device.awaitUiChange(v, deadline);
        assertThat(System.nanoTime()).isGreaterThanOrEqualTo(deadline);
        assertThat(d.device.uiVersion()).isEqualTo(v);
    }
}
