package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Button;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools parse the shared vocabularies once, for every backend: a device gets enums, and a
 * wrong name is BAD_PARAMS with the sentence the backends used to give, before the device is touched.
 */
class ToolVocabularyTest {
    @TempDir
    Path dir;

    private final Recorder device = new Recorder();

    private JsonNode run(Tool tool, String params) throws Exception {
        return ToolExecutor.run(device, tool, Json.read(params, JsonNode.class), CommandContext.withTimeout(2_000, dir));
    }

    @Test
    void wireNamesReachTheDeviceAsEnums() throws Exception {
        run(Tool.PRESS_BUTTON, "{\"button\":\"home\"}");
        run(Tool.IME_ACTION, "{\"action\":\"search\"}");
        run(Tool.INPUT_TEXT, "{\"text\":\"hi\",\"imeAction\":\"send\"}");
        assertThat(device.calls).containsExactly("button HOME", "ime SEARCH", "type hi", "ime SEND");
    }

    @Test
    void aWrongNameIsBadParamsBeforeTheDeviceActs() {
        assertThatThrownBy(() -> run(Tool.PRESS_BUTTON, "{\"button\":\"menu\"}")).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS);
            assertThat(e.getMessage()).isEqualTo("pressButton button must be back, home or enter, not 'menu'.");
        });
        assertThatThrownBy(() -> run(Tool.IME_ACTION, "{\"action\":\"submit\"}"))
                .hasMessage("imeAction must be send, go, done, search, next or enter, not 'submit'.");
        assertThatThrownBy(() -> run(Tool.SYSTEM_TRAY, "{\"action\":\"close\"}"))
                .hasMessage("systemTray action must be find, open, tap, dismiss or clearAll, not 'close'");
        assertThat(device.calls).isEmpty();
    }

    @Test
    void inputTextTypesBeforeItChecksItsImeAction() {
        // as when the backends checked the action: the text is typed, then the bad action is refused
        assertThatThrownBy(() -> run(Tool.INPUT_TEXT, "{\"text\":\"hi\",\"imeAction\":\"submit\"}"))
                .hasMessage("imeAction must be send, go, done, search, next or enter, not 'submit'.");
        assertThat(device.calls).containsExactly("type hi");
    }

    @Test
    void trayTitleAndBodyMatchExactlyOrAsAWholeRegex() throws Exception {
        device.tray.add(new Notification("n1", "chat", "New message", "Hello there", 1));
        JsonNode found = run(Tool.SYSTEM_TRAY, "{\"action\":\"find\",\"notification\":{\"title\":\"New message\",\"body\":\"/Hello.*/\"}}");
        assertThat(found.path("body").asText()).isEqualTo("Hello there");
        run(Tool.SYSTEM_TRAY, "{\"action\":\"dismiss\",\"notification\":{\"body\":\"/.*there/\"}}");
        assertThat(device.calls).containsExactly("dismiss n1");
        assertThatThrownBy(() -> run(Tool.SYSTEM_TRAY, "{\"action\":\"find\",\"awaitTimeout\":0,\"notification\":{\"body\":\"/Hello/\"}}"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOTIFICATION_NOT_FOUND));
        assertThatThrownBy(() -> run(Tool.SYSTEM_TRAY, "{\"action\":\"find\",\"notification\":{\"title\":\"/[x/\"}}"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS);
                    assertThat(e.getMessage()).startsWith("systemTray: invalid regular expression /[x/: ");
                });
    }

    /** A settled, empty screen that records what it is asked to do. */
    static final class Recorder implements Device {
        final List<String> calls = new ArrayList<>();
        final List<Notification> tray = new ArrayList<>();

        @Override
        public Snapshot snapshot() {
            return new Snapshot("rec-1", null, null, 400, 800, 1,
                    new UiNode(null, "screen", null, null, null, new Bounds(0, 0, 400, 800), true, null, false, List.of()));
        }

        @Override public long uiVersion() { return 0; }
        @Override public void awaitUiChange(long sinceVersion, long deadlineNanos) {}
        @Override public boolean isSettled() { return true; }
        @Override public void launchApp(LaunchRequest request) {}
        @Override public void stopApp(String appId) {}
        @Override public void tap(UiNode element, TapKind kind) {}
        @Override public void inputText(String text) { calls.add("type " + text); }
        @Override public void clearText() {}
        @Override public void imeAction(ImeAction action) { calls.add("ime " + action); }
        @Override public void pressButton(Button button) { calls.add("button " + button); }
        @Override public void swipe(Direction direction, UiNode within) {}
        @Override public List<Notification> notifications() { return List.copyOf(tray); }
        @Override public void openTray() {}
        @Override public void tapNotification(Notification notification) { calls.add("tap " + notification.key()); }
        @Override public void dismissNotification(Notification notification) { calls.add("dismiss " + notification.key()); }
        @Override public void clearNotifications() {}
        @Override public byte[] screenshotPng() { return new byte[0]; }
        @Override public List<String> installedApps() { return List.of(); }
    }
}
