package dev.tandem.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.apps.AppServices;
import dev.tandem.apps.ChatMessage;
import dev.tandem.device.Notification;
import dev.tandem.protocol.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two (and more) simulated phones talking through a real chat service on loopback. */
class ChatBetweenDevicesTest {
    private static AppServices services;
    @TempDir
    Path dir;
    private final List<Driver> drivers = new java.util.ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        services = AppServices.start();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @AfterEach
    void closeDevices() {
        drivers.forEach(Driver::close);
    }

    private Driver phone(String user, String room, String app) {
        Driver d = Driver.instant("sim-" + user, dir);
        drivers.add(d);
        d.launch(app, room, user, services.services());
        return d;
    }

    @Test
    void helloFromAReachesBAsNotificationAndMessage() throws Exception {
        Driver a = phone("A", "run-hello", "com.chat.app");
        Driver b = phone("B", "run-hello", "com.chat.app");

        // the compose field has the focus when the conversation opens, as in the design's example plan
        a.run(Tool.INPUT_TEXT, "text", "Hello");
        a.run(Tool.IME_ACTION, "action", "send");

        JsonNode found = b.run(Tool.SYSTEM_TRAY, "action", "find", "notification", Map.of("body", "Hello"), "awaitTimeout", 5_000);
        assertThat(found.get("title").asText()).isEqualTo("A");
        assertThat(found.get("app").asText()).isEqualTo("com.chat.app");
        b.run(Tool.ASSERT_VISIBLE, "text", "Hello", "role", "listitem");
        b.run(Tool.ASSERT_NOT_VISIBLE, "text", "No messages yet");

        a.run(Tool.ASSERT_VISIBLE, "text", "Hello", "role", "listitem");
        assertThat(a.byId("compose").orElseThrow().text()).isEmpty();
        assertThat(a.device.notifications()).isEmpty(); // own messages do not notify
        assertThat(services.chat().messages("run-hello")).extracting(ChatMessage::from, ChatMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "Hello"));
    }

    @Test
    void roomsIsolateParallelRuns() throws Exception {
        Driver a = phone("A", "run-x", "com.chat.app");
        Driver c = phone("C", "run-y", "com.chat.app");
        Driver dd = phone("D", "run-y", "com.chat.app");
        a.run(Tool.INPUT_TEXT, "selector", Map.of("id", "compose"), "text", "for run-x", "imeAction", "send");
        dd.run(Tool.INPUT_TEXT, "selector", Map.of("id", "compose"), "text", "for run-y", "imeAction", "send");

        c.run(Tool.SYSTEM_TRAY, "action", "find", "notification", Map.of("body", "for run-y"), "awaitTimeout", 5_000);
        // run-y's message was sent after run-x's: had C seen run-x, it would be there by now
        assertThat(c.device.notifications()).extracting(Notification::body).containsExactly("for run-y");
        assertThat(services.chat().messages("run-x")).extracting(ChatMessage::text).containsExactly("for run-x");
    }

    @Test
    void tappingTheNotificationOpensTheChat() throws Exception {
        Driver a = phone("A", "run-tap", "com.chat.app");
        Driver b = phone("B", "run-tap", "com.chat.app");
        b.run(Tool.PRESS_BUTTON, "button", "home");
        a.run(Tool.INPUT_TEXT, "selector", Map.of("id", "compose"), "text", "ping", "imeAction", "send");

        b.run(Tool.SYSTEM_TRAY, "action", "open");
        b.run(Tool.SYSTEM_TRAY, "action", "tap", "notification", Map.of("title", "A", "body", "ping"), "awaitTimeout", 5_000);
        assertThat(b.device.snapshot().app()).isEqualTo("com.chat.app");
        assertThat(b.device.notifications()).isEmpty();
        b.run(Tool.ASSERT_VISIBLE, "text", "ping");
    }

    @Test
    void messagesSentBeforeALaunchArriveWhenTheAppStarts() throws Exception {
        Driver a = phone("A", "run-early", "com.chat.app");
        a.run(Tool.INPUT_TEXT, "selector", Map.of("id", "compose"), "text", "early", "imeAction", "send");
        Driver b = phone("B", "run-early", "com.chat.app");
        b.run(Tool.SYSTEM_TRAY, "action", "find", "notification", Map.of("body", "early"), "awaitTimeout", 5_000);
        b.run(Tool.ASSERT_VISIBLE, "text", "early");
    }

    @Test
    void eachCounterTapIsOneMessageInTheRoom() throws Exception {
        Driver a = phone("A", "run-count", "com.tandem.counter");
        a.run(Tool.TAP_ON, "id", "send");
        a.run(Tool.TAP_ON, "text", "Send +1");
        a.run(Tool.ASSERT_VISIBLE, "text", "Sent +1");
        assertThat(services.chat().messages("run-count")).extracting(ChatMessage::text).containsExactly("+1", "+1");
    }
}
