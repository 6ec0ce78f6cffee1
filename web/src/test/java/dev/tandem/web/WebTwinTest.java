package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.apps.AppCatalog;
import dev.tandem.apps.AppServices;
import dev.tandem.apps.ChatMessage;
import dev.tandem.device.Notification;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in apps' web twins, served by the real AppServices, driven like the sim through ToolExecutor. */
class WebTwinTest {
    @TempDir
    static Path dir;
    static AppServices services;
    static WebBackend a;
    static WebBackend b;
    static int rooms;

    @BeforeAll
    static void open() throws Exception {
        Chromium.require();
        services = AppServices.start();
        a = WebFixture.open(dir.resolve("A"), "pixel-7");
        b = WebFixture.open(dir.resolve("B"), "iphone-15");
    }

    @AfterAll
    static void close() {
        if (a != null) a.close();
        if (b != null) b.close();
        if (services != null) services.close();
    }

    private static JsonNode run(WebBackend d, Tool tool, String json) throws InterruptedException {
        return WebFixture.run(d, tool, json, dir.resolve("artifacts"));
    }

    private static void launch(WebBackend d, String appId, String room, String user) throws InterruptedException {
        var p = Json.object();
        p.put("appId", appId);
        p.put("clearState", true);
        var ctx = p.putObject("context");
        ctx.put("room", room);
        ctx.put("user", user);
        var svc = ctx.putObject("services");
        services.services().forEach(svc::put);
        run(d, Tool.LAUNCH_APP, p.toString());
    }

    private static Optional<UiNode> byId(WebBackend d, String id) {
        return d.device().snapshot().elements().stream().filter(n -> id.equals(n.id())).findFirst();
    }

    @Test
    void theBuiltInAppListMatchesTheCatalog() {
        assertThat(AppLinks.BUILTIN).containsExactlyInAnyOrderElementsOf(AppCatalog.builtin().appIds());
        assertThat(a.device().installedApps()).containsAll(AppCatalog.builtin().appIds());
    }

    @Test
    void seedChatPlanAMessageFromAReachesBsTrayAndConversation() throws Exception {
        String room = "room-" + (++rooms);
        launch(a, "com.chat.app", room, "A");
        launch(b, "com.chat.app", room, "B");
        Snapshot s = a.device().snapshot();
        assertThat(s.app()).isEqualTo("com.chat.app");
        assertThat(s.screen()).isEqualTo("conversation");
        assertThat(byId(a, "compose").orElseThrow()).extracting(UiNode::role, UiNode::hint, UiNode::focused)
                .containsExactly("textfield", "Message", true);
        // The seed plan: A types into the focused composer and sends; B finds the notification.
        run(a, Tool.INPUT_TEXT, "{\"text\": \"Hello\"}");
        run(a, Tool.IME_ACTION, "{\"action\": \"send\"}");
        JsonNode n = run(b, Tool.SYSTEM_TRAY, "{\"action\": \"find\", \"notification\": {\"body\": \"Hello\"}, \"awaitTimeout\": 5000}");
        assertThat(n.path("title").asText()).isEqualTo("A");
        assertThat(n.path("app").asText()).isEqualTo("com.chat.app");
        assertThat(services.chat().messages(room)).extracting(ChatMessage::from, ChatMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "Hello"));
        // Both conversations show it; the sender's composer is empty again; "No messages yet" is gone.
        assertThat(byId(a, "messages_1").orElseThrow()).extracting(UiNode::role, UiNode::text).containsExactly("listitem", "Hello");
        assertThat(byId(a, "compose").orElseThrow().text()).isNull();
        assertThat(byId(a, "empty")).isEmpty();
        run(b, Tool.ASSERT_VISIBLE, "{\"id\": \"messages_1\", \"text\": \"Hello\"}");
        assertThat(byId(b, "empty")).isEmpty();
        // Tapping it opens the app (already in front) and empties the tray.
        run(b, Tool.SYSTEM_TRAY, "{\"action\": \"tap\", \"notification\": {\"body\": \"Hello\"}}");
        assertThat(b.device().notifications()).extracting(Notification::body).doesNotContain("Hello");
        assertThat(b.device().snapshot().app()).isEqualTo("com.chat.app");
        // The Send button does the same as the keyboard's send key.
        run(b, Tool.INPUT_TEXT, "{\"text\": \"Hi A\", \"id\": \"compose\"}");
        run(b, Tool.TAP_ON, "{\"text\": \"Send\"}");
        run(a, Tool.SYSTEM_TRAY, "{\"action\": \"find\", \"notification\": {\"title\": \"B\", \"body\": \"Hi A\"}}");
        assertThat(services.chat().messages(room)).hasSize(2);
    }

    @Test
    void emptyMessagesAreNotSent() throws Exception {
        String room = "room-" + (++rooms);
        launch(a, "com.chat.app", room, "A");
        run(a, Tool.TAP_ON, "{\"text\": \"Send\"}");
        assertThat(services.chat().messages(room)).isEmpty();
        assertThat(byId(a, "empty").orElseThrow().text()).isEqualTo("No messages yet");
    }

    @Test
    void backFirstHidesTheKeyboardThenLeavesTheApp() throws Exception {
        launch(a, "com.chat.app", "room-" + (++rooms), "A");
        run(a, Tool.PRESS_BUTTON, "{\"button\": \"back\"}");
        assertThat(a.device().snapshot().app()).isEqualTo("com.chat.app");
        assertThat(byId(a, "compose").orElseThrow().focused()).isTrue(); // the field keeps the focus
        run(a, Tool.PRESS_BUTTON, "{\"button\": \"back\"}");
        assertThat(a.device().snapshot().app()).isNull();
    }

    @Test
    void loginValidatesThenSignsInAndOut() throws Exception {
        launch(a, "com.example.login", "r", "A");
        assertThat(a.device().snapshot().screen()).isEqualTo("login");
        assertThat(byId(a, "forgot").orElseThrow().enabled()).isFalse();
        assertThat(byId(a, "email_error")).isEmpty();
        run(a, Tool.INPUT_TEXT, "{\"text\": \"nobody\", \"id\": \"email\"}");
        run(a, Tool.IME_ACTION, "{\"action\": \"next\"}");
        assertThat(byId(a, "password").orElseThrow().focused()).isTrue();
        run(a, Tool.INPUT_TEXT, "{\"text\": \"short\"}");
        assertThat(byId(a, "password").orElseThrow().text()).isEqualTo("\u2022".repeat(5));
        assertThatThrownBy(() -> run(a, Tool.IME_ACTION, "{\"action\": \"send\"}"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS))
                .hasMessageContaining("'go', not 'send'");
        run(a, Tool.IME_ACTION, "{\"action\": \"go\"}");
        assertThat(byId(a, "email_error").orElseThrow().text()).isEqualTo("Enter a valid email address");
        assertThat(byId(a, "password_error").orElseThrow().text()).isEqualTo("Password must be at least 8 characters");

        run(a, Tool.CLEAR_TEXT, "{\"id\": \"email\"}");
        run(a, Tool.INPUT_TEXT, "{\"text\": \"user@example.com\"}");
        run(a, Tool.CLEAR_TEXT, "{\"id\": \"password\"}");
        run(a, Tool.INPUT_TEXT, "{\"text\": \"password123\"}");
        run(a, Tool.TAP_ON, "{\"text\": \"Remember me\"}");
        assertThat(byId(a, "remember").orElseThrow().checked()).isTrue();
        run(a, Tool.TAP_ON, "{\"id\": \"sign_in\"}");
        Snapshot home = a.device().snapshot();
        assertThat(home.screen()).isEqualTo("home");
        assertThat(home.elements()).extracting(UiNode::text).contains("Welcome, user@example.com", "You are signed in.", "Home")
                .doesNotContain("Welcome back");
        run(a, Tool.ASSERT_VISIBLE, "{\"text\": \"Navigate up\"}");

        run(a, Tool.TAP_ON, "{\"text\": \"Sign out\"}");
        assertThat(a.device().snapshot().screen()).isEqualTo("login");
        assertThat(byId(a, "password").orElseThrow().text()).isNull();
        assertThat(byId(a, "email").orElseThrow().text()).isEqualTo("user@example.com");
    }

    @Test
    void backWalksTheTwinsScreensThenLeavesTheApp() throws Exception {
        launch(a, "com.example.login", "r", "A");
        run(a, Tool.INPUT_TEXT, "{\"text\": \"user@example.com\", \"id\": \"email\"}");
        run(a, Tool.INPUT_TEXT, "{\"text\": \"password123\", \"id\": \"password\", \"imeAction\": \"go\"}");
        assertThat(a.device().snapshot().screen()).isEqualTo("home");
        run(a, Tool.PRESS_BUTTON, "{\"button\": \"back\"}");
        assertThat(a.device().snapshot().screen()).isEqualTo("login");
        assertThat(byId(a, "email").orElseThrow().text()).isEqualTo("user@example.com"); // same app run
        run(a, Tool.PRESS_BUTTON, "{\"button\": \"back\"}");
        assertThat(a.device().snapshot().app()).isNull();
    }

    @Test
    void clockTabsSwapTheContent() throws Exception {
        launch(a, "com.google.android.deskclock", "r", "A");
        String p = "com.google.android.deskclock:id/";
        assertThat(byId(a, p + "tab_menu_alarm").orElseThrow().checked()).isTrue();
        assertThat(byId(a, p + "alarm_1").orElseThrow()).extracting(UiNode::role, UiNode::checked).containsExactly("switch", true);
        run(a, Tool.TAP_ON, "{\"id\": \"" + p + "alarm_2\"}");
        assertThat(byId(a, p + "alarm_2").orElseThrow().checked()).isTrue();
        run(a, Tool.TAP_ON, "{\"text\": \"Timer\", \"role\": \"tab\"}");
        assertThat(byId(a, p + "tab_menu_timer").orElseThrow().checked()).isTrue();
        assertThat(byId(a, p + "tab_menu_alarm").orElseThrow().checked()).isFalse();
        assertThat(byId(a, p + "alarm_content")).isEmpty();
        run(a, Tool.TAP_ON, "{\"id\": \"" + p + "timer_start\"}");
        assertThat(byId(a, p + "timer_setup_time").orElseThrow().text()).isEqualTo("Timer running");
    }

    @Test
    void longListScrollsUntilAnItemIsVisibleAndTapsIt() throws Exception {
        launch(b, "com.example.list", "r", "B");
        assertThat(byId(b, "item_150")).isEmpty();
        run(b, Tool.SCROLL_UNTIL_VISIBLE, "{\"text\": \"Item 150\"}");
        run(b, Tool.TAP_ON, "{\"text\": \"Item 150\"}");
        run(b, Tool.SCROLL_UNTIL_VISIBLE, "{\"text\": \"Selected Item 150\", \"direction\": \"up\"}");
    }

    @Test
    void counterPostsOneMessagePerTap() throws Exception {
        String room = "room-" + (++rooms);
        launch(a, "com.tandem.counter", room, "A");
        run(a, Tool.TAP_ON, "{\"text\": \"Send +1\"}");
        assertThat(byId(a, "status").orElseThrow().text()).isEqualTo("Sent +1");
        assertThat(services.chat().messages(room)).hasSize(1);
    }
}
