package dev.tandem.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Selector;
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

/** Each built-in app, end to end through ToolExecutor, as plans use them. */
class BuiltinAppsTest {
    private static final String DESK = "com.google.android.deskclock:id/";
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
    void loginShowsBothValidationErrors() throws Exception {
        d.run(Tool.LAUNCH_APP, "appId", "com.example.login");
        d.run(Tool.ASSERT_NOT_VISIBLE, "text", "Enter a valid email address", "timeout", 0);
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "not-an-email");
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "password"), "text", "short");
        d.run(Tool.TAP_ON, "text", "Sign in");
        d.run(Tool.ASSERT_VISIBLE, "text", "Enter a valid email address");
        d.run(Tool.ASSERT_VISIBLE, "id", "password_error", "text", "Password must be at least 8 characters");
        assertThat(d.device.snapshot().screen()).isEqualTo("login");

        // fixing the email hides its error, the password's stays
        d.run(Tool.CLEAR_TEXT, "selector", Map.of("id", "email"));
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "user@example.com");
        d.run(Tool.TAP_ON, "id", "sign_in");
        d.run(Tool.ASSERT_NOT_VISIBLE, "text", "Enter a valid email address");
        d.run(Tool.ASSERT_VISIBLE, "text", "Password must be at least 8 characters");
    }

    @Test
    void loginSucceedsWithAValidPairAndSignOutGoesBack() throws Exception {
        d.run(Tool.LAUNCH_APP, "appId", "com.example.login");
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "user@example.com");
        d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "password"), "text", "password123", "imeAction", "go");
        d.run(Tool.ASSERT_VISIBLE, "text", "Welcome, user@example.com");
        assertThat(d.device.snapshot().screen()).isEqualTo("home");
        assertThat(d.byId("system:title").orElseThrow().text()).isEqualTo("Home");
        assertThat(d.byId("system:navigate_up")).isPresent();
        assertThat(d.byId("system:keyboard")).isEmpty();
        d.run(Tool.TAP_ON, "text", "Sign out");
        assertThat(d.device.snapshot().screen()).isEqualTo("login");
        assertThat(d.byId("password").orElseThrow().text()).isEmpty();
        assertThat(d.byId("email").orElseThrow().text()).isEqualTo("user@example.com");
    }

    @Test
    void clockTabsSelectTheirContent() throws Exception {
        d.run(Tool.LAUNCH_APP, "appId", "com.google.android.deskclock");
        List<UiNode> tabs = new Selector(null, null, "tab", null).select(d.elements());
        assertThat(tabs).extracting(UiNode::id).containsExactly(DESK + "tab_menu_alarm", DESK + "tab_menu_clock",
                DESK + "tab_menu_timer", DESK + "tab_menu_stopwatch");
        assertThat(tabs).extracting(UiNode::checked).containsExactly(true, false, false, false);
        assertThat(tabs.getFirst().bounds().y() + tabs.getFirst().bounds().height()).isEqualTo(891); // docked at the bottom
        d.run(Tool.ASSERT_VISIBLE, "text", "6:30 AM", "role", "switch");

        d.run(Tool.TAP_ON, "id", DESK + "tab_menu_stopwatch");
        assertThat(new Selector(null, null, "tab", null).select(d.elements())).extracting(UiNode::checked)
                .containsExactly(false, false, false, true);
        d.run(Tool.ASSERT_NOT_VISIBLE, "text", "6:30 AM");
        d.run(Tool.TAP_ON, "id", DESK + "stopwatch_start");
        d.run(Tool.ASSERT_VISIBLE, "text", "Pause");

        d.run(Tool.TAP_ON, "id", "/.*tab_menu_alarm/");
        UiNode alarm2 = d.byId(DESK + "alarm_2").orElseThrow();
        assertThat(alarm2.checked()).isFalse();
        d.run(Tool.TAP_ON, "id", DESK + "alarm_2");
        assertThat(d.byId(DESK + "alarm_2").orElseThrow().checked()).isTrue();
        d.run(Tool.TAP_ON, "text", "Add alarm");
        d.run(Tool.ASSERT_VISIBLE, "text", "9:00 AM");
    }

    @Test
    void elementStatesAreReadFromTheSimsTree() throws Exception {
        d.run(Tool.LAUNCH_APP, "appId", "com.google.android.deskclock");
        // the current tab is selected (and checked, as on every backend); the others are neither
        assertThat(new Selector(null, null, "tab", null).select(d.elements())).extracting(UiNode::selected)
                .containsExactly(true, false, false, false);
        d.run(Tool.ASSERT_VISIBLE, "id", DESK + "tab_menu_alarm", "selected", true, "checked", true, "enabled", true);
        d.run(Tool.ASSERT_NOT_VISIBLE, "id", DESK + "tab_menu_clock", "selected", true, "timeout", 0);
        d.run(Tool.TAP_ON, "id", DESK + "tab_menu_clock");
        d.run(Tool.ASSERT_VISIBLE, "id", DESK + "tab_menu_clock", "selected", true);
        assertThatThrownBy(() -> d.run(Tool.ASSERT_VISIBLE, "id", DESK + "tab_menu_alarm", "selected", true, "timeout", 50))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND))
                .hasMessageContaining("found tab \"Alarm\" #" + DESK + "tab_menu_alarm but it is not selected");

        d.run(Tool.LAUNCH_APP, "appId", "com.example.login");
        d.run(Tool.ASSERT_VISIBLE, "text", "Forgot password?", "enabled", false);
        d.run(Tool.ASSERT_VISIBLE, "textContains", "Forgot", "role", "button");
        d.run(Tool.ASSERT_VISIBLE, "id", "remember", "checked", false);
        d.run(Tool.TAP_ON, "id", "email");
        d.run(Tool.ASSERT_VISIBLE, "id", "email", "focused", true);
        d.run(Tool.TAP_ON, "text", "Remember me");
        assertThatThrownBy(() -> d.run(Tool.ASSERT_VISIBLE, "id", "remember", "checked", false, "timeout", 50))
                .hasMessageContaining("but it is checked");
    }

    @Test
    void longListScrollsUntilItem150IsVisible() throws Exception {
        d.run(Tool.LAUNCH_APP, "appId", "com.example.list");
        assertThat(d.byText("Item 1")).isPresent();
        assertThat(d.byText("Item 150")).isEmpty();
        assertThat(d.elements().stream().filter(n -> "listitem".equals(n.role())).count()).isLessThan(20);

        d.run(Tool.SCROLL_UNTIL_VISIBLE, "text", "Item 150");
        UiNode item = d.byText("Item 150").orElseThrow();
        assertThat(item.id()).isEqualTo("item_150");
        assertThat(item.bounds().y()).isBetween(80, 891);
        assertThat(d.byText("Item 1")).isEmpty();
        d.run(Tool.TAP_ON, "text", "Item 150");
        d.run(Tool.SCROLL_UNTIL_VISIBLE, "id", "selected", "direction", "up");
        d.run(Tool.ASSERT_VISIBLE, "text", "Selected Item 150");
    }

    @Test
    void selectorsPickByRoleIndexAndRegex() throws Exception {
        d.run(Tool.LAUNCH_APP, "appId", "com.example.list");
        d.run(Tool.TAP_ON, "role", "listitem", "index", 2);
        d.run(Tool.ASSERT_VISIBLE, "id", "selected", "text", "Selected Item 3");
        d.run(Tool.TAP_ON, "selector", Map.of("text", "/Item 1[0-9]/"));
        d.run(Tool.ASSERT_VISIBLE, "text", "/Selected Item 1[0-9]/");
        assertThat(new Selector(null, "/item_\\d+/", null, null).select(d.elements()))
                .allMatch(n -> n.role().equals("listitem"))
                .hasSizeBetween(10, 16);
    }

    @Test
    void scrollingPastTheEndStopsWithAClearError() throws Exception {
        d.run(Tool.LAUNCH_APP, "appId", "com.example.list");
        assertThatThrownBy(() -> d.run(Tool.SCROLL_UNTIL_VISIBLE, "text", "Item 201"))
                .isInstanceOf(TandemException.class)
                .hasMessageContaining("end reached")
                .satisfies(e -> assertThat(((TandemException) e).code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND));
        assertThat(d.byText("Item 200")).isPresent();
    }

    @Test
    void chatComposerHasTheSendKey() throws Exception {
        d.run(Tool.LAUNCH_APP, "appId", "com.chat.app");
        d.run(Tool.ASSERT_VISIBLE, "text", "No messages yet");
        UiNode compose = d.byId("compose").orElseThrow();
        assertThat(compose.hint()).isEqualTo("Message");
        assertThat(compose.focused()).isTrue();
        UiNode key = d.byId("system:ime_action").orElseThrow();
        assertThat(key.text()).isEqualTo("send");
        // adjustResize: the docked composer sits right above the keyboard
        UiNode send = d.byId("send").orElseThrow();
        assertThat(send.bounds().y() + send.bounds().height()).isEqualTo(891 - 280);
        d.run(Tool.PRESS_BUTTON, "button", "back");
        assertThat(d.byId("system:keyboard")).isEmpty();
        assertThat(d.byId("send").orElseThrow().bounds().y() + 48).isEqualTo(891);
        d.run(Tool.TAP_ON, "text", "Message");
        assertThat(d.byId("system:keyboard")).isPresent();
    }
}
