package dev.tandem.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.device.TapKind;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimDeviceTest {
    @TempDir
    Path dir;
    Driver d;

    @BeforeEach
    void open() {
        d = Driver.instant("sim-1", dir);
    }

    @AfterEach
    void close() {
        d.close();
    }

    @Test
    void homeScreenHasStatusBarAndOneIconPerApp() {
        Snapshot s = d.device.snapshot();
        assertThat(s.app()).isNull();
        assertThat(s.screen()).isEqualTo("launcher");
        assertThat(s.width()).isEqualTo(411);
        assertThat(s.height()).isEqualTo(891);
        assertThat(s.density()).isEqualTo(2.625);
        assertThat(d.byId("system:clock").orElseThrow().text()).isEqualTo("12:00");
        assertThat(d.byId("system:battery").orElseThrow().text()).isEqualTo("100%");
        List<UiNode> icons = new Selector(null, null, "button", null).select(s.elements());
        assertThat(icons).extracting(UiNode::id).containsExactlyElementsOf(d.device.installedApps());
        assertThat(icons).extracting(UiNode::text).contains("Chat", "Login", "Clock", "Long list", "Counter");
    }

    @Test
    void refsAreNumberedInDocumentOrder() {
        List<UiNode> elements = d.elements();
        assertThat(elements.getFirst().ref()).isNull(); // the root
        for (int i = 1; i < elements.size(); i++) assertThat(elements.get(i).ref()).isEqualTo("e" + i);
    }

    @Test
    void tappingAnIconLaunchesTheApp() throws Exception {
        d.run(Tool.TAP_ON, "text", "Login");
        Snapshot s = d.device.snapshot();
        assertThat(s.app()).isEqualTo("com.example.login");
        assertThat(s.screen()).isEqualTo("login");
        assertThat(d.byId("system:title").orElseThrow().text()).isEqualTo("Login");
    }

    @Test
    void unknownAppListsInstalledOnes() {
        assertThatThrownBy(() -> d.launch("com.nope"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("No app 'com.nope' is installed")
                .hasMessageContaining("com.chat.app, com.example.login")
                .satisfies(e -> assertThat(((TandemException) e).code()).isEqualTo(ErrorCode.APP_NOT_INSTALLED));
        assertThatThrownBy(() -> d.device.stopApp("com.nope")).isInstanceOf(TandemException.class);
    }

    @Test
    void relaunchKeepsStateAndClearStateResetsIt() throws Exception {
        d.launch("com.example.login");
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "a@b.co");
        d.run(Tool.PRESS_BUTTON, "button", "home");
        assertThat(d.device.snapshot().app()).isNull();
        d.launch("com.example.login");
        assertThat(d.byId("email").orElseThrow().text()).isEqualTo("a@b.co");
        d.run(Tool.LAUNCH_APP, "appId", "com.example.login", "clearState", true);
        assertThat(d.byId("email").orElseThrow().text()).isEmpty();
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "x");
        d.run(Tool.STOP_APP, "appId", "com.example.login");
        assertThat(d.device.snapshot().app()).isNull();
        d.launch("com.example.login");
        assertThat(d.byId("email").orElseThrow().text()).isEmpty();
    }

    @Test
    void keyboardShowsWhileAFieldIsFocusedAndBackHidesItFirst() throws Exception {
        d.launch("com.example.login");
        assertThat(d.byId("system:keyboard")).isEmpty();
        d.run(Tool.TAP_ON, "id", "email");
        UiNode email = d.byId("email").orElseThrow();
        assertThat(email.focused()).isTrue();
        UiNode keyboard = d.byId("system:keyboard").orElseThrow();
        assertThat(keyboard.role()).isEqualTo("keyboard");
        assertThat(keyboard.bounds().y()).isEqualTo(891 - 280);
        assertThat(d.byId("system:ime_action").orElseThrow().text()).isEqualTo("next");

        d.run(Tool.PRESS_BUTTON, "button", "back");
        assertThat(d.byId("system:keyboard")).isEmpty();
        assertThat(d.device.snapshot().app()).isEqualTo("com.example.login");
        d.run(Tool.PRESS_BUTTON, "button", "back");
        assertThat(d.device.snapshot().app()).isNull();
    }

    @Test
    void imeNextMovesToTheNextFieldAndTheWrongActionIsExplained() throws Exception {
        d.launch("com.example.login");
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "user@example.com");
        assertThatThrownBy(() -> d.run(Tool.IME_ACTION, "action", "send"))
                .hasMessage("The focused field #email \"Email\" has the keyboard action 'next', not 'send': use imeAction next (or pressButton enter).");
        d.run(Tool.IME_ACTION, "action", "next");
        assertThat(d.byId("password").orElseThrow().focused()).isTrue();
        assertThat(d.byId("system:ime_action").orElseThrow().text()).isEqualTo("go");
    }

    @Test
    void typingWithoutFocusSaysWhatToDo() {
        d.launch("com.example.login");
        assertThatThrownBy(() -> d.run(Tool.INPUT_TEXT, "text", "hello"))
                .isInstanceOf(TandemException.class)
                .hasMessage("inputText types into the focused text field, and none is focused on screen 'login' of com.example.login: "
                        + "tap a text field first or give the step a selector (text fields here: #email \"Email\", #password \"Password\").");
        assertThatThrownBy(() -> d.run(Tool.PRESS_BUTTON, "button", "power")).hasMessageContaining("back, home or enter");
    }

    @Test
    void typingAppendsToTheValueAndReplaceReplacesIt() throws Exception {
        d.launch("com.example.login");
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "grace@example.com");
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "-extra");
        assertThat(d.byId("email").orElseThrow().text()).isEqualTo("grace@example.com-extra");
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "ada@example.com", "replace", true);
        assertThat(d.byId("email").orElseThrow().text()).isEqualTo("ada@example.com");
    }

    @Test
    void aTapOnADisabledElementFailsNamingItInsteadOfPassing() {
        d.launch("com.example.login");
        assertThatThrownBy(() -> d.run(Tool.TAP_ON, "id", "forgot", "timeout", 200))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ELEMENT_DISABLED))
                .hasMessageStartingWith("The element button \"Forgot password?\" #forgot matching {id: \"forgot\"} is disabled and stayed so for ");
        assertThat(ErrorCode.ELEMENT_DISABLED.exitCode()).isEqualTo(1);
    }

    @Test
    void aRunsOwnAppIsInstalledForThatRunOnly() throws Exception {
        String notes = "{appId: com.example.notes, name: Notes, screens: [{name: list, elements: [{id: hello, role: text, text: Hi}]}]}";
        d.device.launchApp(new dev.tandem.device.LaunchRequest("com.example.notes", null, false, "run-1", "A", java.util.Map.of(),
                java.util.List.of(notes)));
        assertThat(d.byId("hello").orElseThrow().text()).isEqualTo("Hi");
        assertThat(d.device.installedApps()).contains("com.example.notes", "com.chat.app");
        // the next run brings no apps: the previous run's app is gone
        d.device.launchApp(new dev.tandem.device.LaunchRequest("com.example.login", null, false, "run-2", "A", java.util.Map.of()));
        assertThat(d.device.installedApps()).doesNotContain("com.example.notes");
    }

    @Test
    void imeActionWithoutFocusSuggestsWhatValidationAccepts() {
        // imeAction takes no selector (validation rejects one): the hint must not suggest it
        d.launch("com.example.login");
        assertThatThrownBy(() -> d.run(Tool.IME_ACTION, "action", "go"))
                .isInstanceOf(TandemException.class)
                .hasMessageNotContaining("selector")
                .hasMessageContaining("tap a text field first (tapOn {id: email})")
                .hasMessageContaining("inputText {id: email, text: …, imeAction: go}");
    }

    @Test
    void secretFieldsShowBullets() throws Exception {
        d.launch("com.example.login");
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "password"), "text", "hunter22");
        assertThat(d.byId("password").orElseThrow().text()).isEqualTo("\u2022".repeat(8));
    }

    @Test
    void disabledElementsIgnoreTaps() throws Exception {
        d.launch("com.example.login");
        long before = d.device.snapshot().root().flatten().size();
        UiNode forgot = d.byText("Forgot password?").orElseThrow();
        assertThat(forgot.enabled()).isFalse();
        d.device.tap(forgot, TapKind.TAP); // the device primitive; the tool refuses (below)
        assertThat(d.device.snapshot().screen()).isEqualTo("login");
        assertThat(d.device.snapshot().root().flatten()).hasSize((int) before);
    }

    @Test
    void checkboxToggles() throws Exception {
        d.launch("com.example.login");
        assertThat(d.byId("remember").orElseThrow().checked()).isFalse();
        d.run(Tool.TAP_ON, "text", "Remember me");
        assertThat(d.byId("remember").orElseThrow().checked()).isTrue();
        d.run(Tool.TAP_ON, "text", "Remember me", "action", "doubleTap");
        assertThat(d.byId("remember").orElseThrow().checked()).isTrue();
    }

    @Test
    void notificationShadeOpensAndBackClosesIt() throws Exception {
        d.device.openTray();
        assertThat(d.byId("system:shade_empty").orElseThrow().text()).isEqualTo("No notifications");
        assertThat(d.byId("com.chat.app")).isEmpty(); // the shade covers the launcher
        d.run(Tool.PRESS_BUTTON, "button", "back");
        assertThat(d.byId("system:shade")).isEmpty();
        assertThat(d.byId("com.chat.app")).isPresent();
    }

    @Test
    void snapshotsAreJsonAndVersionMovesOnChange() throws Exception {
        long v0 = d.device.uiVersion();
        d.launch("com.example.list");
        assertThat(d.device.uiVersion()).isNotEqualTo(v0);
        assertThat(d.device.isSettled()).isTrue();
        String json = Json.text(d.run(Tool.OBSERVE));
        assertThat(json).contains("\"app\":\"com.example.list\"").contains("Item 1");
    }

    @Test
    void sendingWithoutAChatServiceIsAClearError() throws Exception {
        d.launch("com.tandem.counter");
        assertThatThrownBy(() -> d.run(Tool.TAP_ON, "id", "send"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("com.tandem.counter cannot send a message: launchApp was given no chat service (context.services.chat)");
    }

    @Test
    void urlLaunchesAreForTheWebPlatform() {
        assertThatThrownBy(() -> d.run(Tool.LAUNCH_APP, "url", "https://example.com"))
                .hasMessageContaining("needs the web platform");
    }
}
