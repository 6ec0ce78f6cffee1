package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.Notification;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Notification shim feeding the device's tray, and systemTray on top of it. */
class WebTrayTest {
    @TempDir
    static Path dir;
    static TestPages pages;
    static WebBackend web;

    @BeforeAll
    static void open() throws Exception {
        Chromium.require();
        pages = new TestPages();
        web = WebFixture.open(dir.resolve("dev"), "iphone-15");
    }

    @AfterAll
    static void close() {
        if (web != null) web.close();
        if (pages != null) pages.close();
    }

    @BeforeEach
    void load() throws Exception {
        web.device().clearNotifications();
        run(Tool.LAUNCH_APP, "{\"url\": \"" + pages.url("notify.html") + "\", \"clearState\": true}");
    }

    private static JsonNode run(Tool tool, String json) throws InterruptedException {
        return WebFixture.run(web, tool, json, dir.resolve("artifacts"));
    }

    @Test
    void postsLandInTheTrayNewestFirstWithPermissionGranted() throws Exception {
        assertThat(WebFixture.eval(web, "document.getElementById('state').dataset.permission").asText()).isEqualTo("granted");
        run(Tool.TAP_ON, "{\"text\": \"Post\"}");
        run(Tool.TAP_ON, "{\"text\": \"Post\"}");
        JsonNode found = run(Tool.SYSTEM_TRAY, "{\"action\": \"find\", \"notification\": {\"body\": \"Body 1\"}}");
        assertThat(found.path("title").asText()).isEqualTo("Title 1");
        assertThat(web.device().notifications()).extracting(Notification::title).containsExactly("Title 2", "Title 1");
        assertThat(web.device().notifications().getFirst().app()).startsWith("127.0.0.1:");
    }

    @Test
    void tapRunsTheNotificationsClickHandlerAndRemovesIt() throws Exception {
        run(Tool.TAP_ON, "{\"text\": \"Post\"}");
        run(Tool.TAP_ON, "{\"text\": \"Post\"}");
        run(Tool.SYSTEM_TRAY, "{\"action\": \"tap\", \"notification\": {\"title\": \"/Title 1/\"}}");
        assertThat(WebFixture.eval(web, "document.getElementById('state').textContent").asText()).isEqualTo("clicked 1");
        assertThat(web.device().notifications()).extracting(Notification::title).containsExactly("Title 2");
    }

    @Test
    void dismissAndClearAllEmptyTheTray() throws Exception {
        run(Tool.TAP_ON, "{\"text\": \"Post\"}");
        run(Tool.TAP_ON, "{\"text\": \"Post\"}");
        run(Tool.SYSTEM_TRAY, "{\"action\": \"dismiss\", \"notification\": {\"body\": \"Body 2\"}}");
        assertThat(web.device().notifications()).extracting(Notification::body).containsExactly("Body 1");
        assertThat(WebFixture.eval(web, "document.getElementById('state').textContent").asText()).isEqualTo("idle");
        run(Tool.SYSTEM_TRAY, "{\"action\": \"clearAll\"}");
        assertThat(web.device().notifications()).isEmpty();
        assertThatThrownBy(() -> run(Tool.SYSTEM_TRAY, "{\"action\": \"find\", \"notification\": {\"body\": \"Body 1\"}, \"awaitTimeout\": 200}"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOTIFICATION_NOT_FOUND))
                .hasMessageContaining("The tray is empty");
    }

    @Test
    void openShowsASyntheticShadeWhoseNotificationsCanBeTapped() throws Exception {
        run(Tool.TAP_ON, "{\"text\": \"Post\"}");
        run(Tool.SYSTEM_TRAY, "{\"action\": \"open\"}");
        Snapshot s = web.device().snapshot();
        assertThat(s.elements()).extracting(UiNode::role).contains("notification");
        assertThat(s.elements()).extracting(UiNode::text).contains("Notifications", "Title 1", "Body 1", "Clear all");
        assertThat(s.elements()).extracting(UiNode::id).doesNotContain("post"); // the shade covers the page
        run(Tool.TAP_ON, "{\"text\": \"Body 1\"}");
        assertThat(web.device().snapshot().elements()).extracting(UiNode::text).contains("clicked 1");
        assertThat(web.device().notifications()).isEmpty();
    }

    @Test
    void backClosesTheShade() throws Exception {
        run(Tool.SYSTEM_TRAY, "{\"action\": \"open\"}");
        assertThat(web.device().snapshot().elements()).extracting(UiNode::text).contains("No notifications");
        run(Tool.PRESS_BUTTON, "{\"button\": \"back\"}");
        assertThat(web.device().snapshot().elements()).extracting(UiNode::id).contains("post");
    }
}
