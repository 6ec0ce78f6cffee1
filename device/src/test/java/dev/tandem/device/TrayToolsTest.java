package dev.tandem.device;

import static dev.tandem.device.Fakes.launched;
import static dev.tandem.device.Fakes.once;
import static dev.tandem.device.Fakes.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** systemTray over a FakeDevice's tray: matching, waiting, acting, and the not-found message. */
class TrayToolsTest {
    private static final String CHAT = "com.chat.app";

    private static FakeDevice withTray() {
        FakeDevice d = launched(CHAT);
        d.post(CHAT, "Ann", "one");
        d.post(CHAT, "Bob", "two\nlines");
        return d;
    }

    @Test
    void findMatchesTitleAndBodyExactlyOrAsAWholeValueRegex() throws Exception {
        FakeDevice d = withTray();
        JsonNode n = run(d, Tool.SYSTEM_TRAY, "action", "find", "notification", Map.of("title", "Ann"));
        assertThat(n.toString()).isEqualTo("{\"title\":\"Ann\",\"body\":\"one\",\"app\":\"com.chat.app\"}");
        assertThat(run(d, Tool.SYSTEM_TRAY, "action", "find", "notification", Map.of("body", "/two.lines/")).path("title").asText())
                .as("a regex's dot matches a newline").isEqualTo("Bob");
        assertThatThrownBy(() -> run(d, Tool.SYSTEM_TRAY, "action", "find", "notification", Map.of("body", "/tw/"), "awaitTimeout", 50))
                .as("the whole value, not a part").isInstanceOf(TandemException.class);
        assertThat(run(d, Tool.SYSTEM_TRAY, "action", "find").path("title").asText()).as("no criteria: the newest").isEqualTo("Bob");
    }

    @Test
    void findWaitsForANotificationToArrive() throws Exception {
        FakeDevice d = launched(CHAT);
        d.onAwait = once(() -> d.post(CHAT, "Cy", "late"));
        assertThat(run(d, Tool.SYSTEM_TRAY, "action", "find", "notification", Map.of("body", "late")).path("title").asText()).isEqualTo("Cy");
    }

    @Test
    void tapOpensAndRemovesDismissRemovesClearAllEmpties() throws Exception {
        FakeDevice d = withTray();
        run(d, Tool.SYSTEM_TRAY, "action", "tap", "notification", Map.of("title", "Ann"));
        assertThat(d.notifications()).extracting(Notification::title).containsExactly("Bob");
        d.post(CHAT, "Dee", "three");
        run(d, Tool.SYSTEM_TRAY, "action", "dismiss", "notification", Map.of("title", "Dee"));
        assertThat(d.notifications()).extracting(Notification::title).containsExactly("Bob");
        run(d, Tool.SYSTEM_TRAY, "action", "open");
        assertThat(d.snapshot().screen()).isEqualTo("notifications");
        run(d, Tool.SYSTEM_TRAY, "action", "clearAll");
        assertThat(d.notifications()).isEmpty();
    }

    @Test
    void notFoundQuotesWhatWasWantedAndWhatTheTrayHolds() {
        FakeDevice d = withTray();
        assertThatThrownBy(() -> run(d, Tool.SYSTEM_TRAY, "action", "find", "notification", Map.of("title", "Zed", "body", "hi"),
                "awaitTimeout", 50))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOTIFICATION_NOT_FOUND))
                .hasMessage("No notification with title \"Zed\" and body \"hi\" arrived within 50 ms. The tray holds: "
                        + "\"Bob\": \"two\nlines\"; \"Ann\": \"one\".");
        FakeDevice empty = launched(CHAT);
        assertThatThrownBy(() -> run(empty, Tool.SYSTEM_TRAY, "action", "tap", "awaitTimeout", 50))
                .hasMessage("No notification with any content arrived within 50 ms. The tray is empty.");
    }

    @Test
    void theActionIsRequiredAndChecked() {
        FakeDevice d = withTray();
        assertThatThrownBy(() -> run(d, Tool.SYSTEM_TRAY))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS))
                .hasMessage("systemTray needs 'action'");
        assertThatThrownBy(() -> run(d, Tool.SYSTEM_TRAY, "action", "swipe"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS))
                .hasMessage("systemTray action must be find, open, tap, dismiss or clearAll, not 'swipe'");
    }
}
