package dev.tandem.device;

import static dev.tandem.device.Fakes.launched;
import static dev.tandem.device.Fakes.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools over the primitives: params, their errors, and what reaches the device. */
class ToolExecutorTest {
    private static final String LOGIN = "com.example.login";

    @TempDir
    Path dir;

    private static void failsWith(ErrorCode code, String message, Tool tool, Object... kv) {
        FakeDevice d = launched(LOGIN);
        assertThatThrownBy(() -> run(d, tool, kv))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    @Test
    void badParamsNameTheToolAndWhatIsWrong() {
        failsWith(ErrorCode.BAD_PARAMS, "assertVisible needs a selector: text, id or role (directly or under 'selector')", Tool.ASSERT_VISIBLE);
        failsWith(ErrorCode.BAD_PARAMS, "swipe: direction must be up, down, left or right, not 'sideways'", Tool.SWIPE, "direction", "sideways");
        failsWith(ErrorCode.BAD_PARAMS, "swipe needs 'direction'", Tool.SWIPE);
        failsWith(ErrorCode.BAD_PARAMS, "launchApp needs 'appId' or 'url'", Tool.LAUNCH_APP);
        failsWith(ErrorCode.BAD_PARAMS, "inputText needs 'text'", Tool.INPUT_TEXT, "id", "email");
        failsWith(ErrorCode.BAD_PARAMS, "imeAction needs 'action'", Tool.IME_ACTION);
        failsWith(ErrorCode.BAD_PARAMS, "pressButton needs 'button'", Tool.PRESS_BUTTON);
        failsWith(ErrorCode.BAD_PARAMS, "tapOn: tapOn action must be tap, doubleTap or longPress, not 'press'", Tool.TAP_ON,
                "id", "sign_in", "action", "press");
    }

    @Test
    void engineToolsAreNotRunByADevice() {
        for (Tool t : List.of(Tool.WAIT, Tool.CRITICAL_SECTION, Tool.BARRIER)) {
            failsWith(ErrorCode.INTERNAL, t + " is executed by the plan engine, not by a device runner", t);
        }
        assertThat(uncheckedRun(Tool.PING).toString()).isEqualTo("{}");
    }

    private static JsonNode uncheckedRun(Tool tool) {
        try {
            return run(launched(LOGIN), tool);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void inputTextsTextIsWhatToTypeNeverASelector() throws Exception {
        FakeDevice d = launched(LOGIN);
        assertThatThrownBy(() -> run(d, Tool.INPUT_TEXT, "text", "Email"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND));
        assertThat(d.taps).as("the field hinted Email was not tapped").isEmpty();
        run(d, Tool.INPUT_TEXT, "selector", Map.of("text", "Email"), "text", "a@b.io");
        assertThat(d.taps).containsExactly("TAP email");
    }

    @Test
    void launchAppPassesTheRunsContextToTheDevice() throws Exception {
        FakeDevice d = new FakeDevice();
        var p = Fakes.params("appId", LOGIN, "clearState", true);
        var ctx = p.putObject("context");
        ctx.put("room", "run-1").put("user", "alice");
        ctx.putObject("services").put("chat", "http://127.0.0.1:1/chat");
        ctx.putArray("apps").add("appId: x").addObject().put("appId", "y");
        ctx.putObject("files").putArray("allow").add(dir.toString());
        ToolExecutor.run(d, Tool.LAUNCH_APP, p, Fakes.ctx());
        LaunchRequest r = d.lastLaunch;
        assertThat(r).extracting(LaunchRequest::appId, LaunchRequest::clearState, LaunchRequest::room, LaunchRequest::user)
                .containsExactly(LOGIN, true, "run-1", "alice");
        assertThat(r.services()).containsExactly(Map.entry("chat", "http://127.0.0.1:1/chat"));
        assertThat(r.apps()).containsExactly("appId: x", "{\"appId\":\"y\"}");
        assertThat(r.files().permits(dir.resolve("page.html").toUri().toString())).isTrue();
        assertThat(r.files().permits(dir.getParent().resolve("other.html").toUri().toString())).isFalse();
    }

    @Test
    void observeWaitsForItsElementThenReturnsTheSnapshot() throws Exception {
        FakeDevice d = launched(LOGIN);
        d.onAwait = Fakes.once(() -> d.edit(LOGIN, "email_error", e -> {
            e.visible = true;
            e.text = "late";
        }));
        JsonNode s = run(d, Tool.OBSERVE, "waitFor", Map.of("text", "late"));
        assertThat(s.path("screen").asText()).isEqualTo("login");
        assertThat(s.toString()).contains("\"late\"");
    }

    @Test
    void aScreenshotGoesToItsPathOrTheArtifactsDirAndAnUnwritableOneSaysSo() throws Exception {
        FakeDevice d = launched(LOGIN);
        Path explicit = dir.resolve("sub/shot.png");
        assertThat(run(d, Tool.SCREENSHOT, "path", explicit.toString()).path("path").asText()).isEqualTo(explicit.toString());
        assertThat(Files.size(explicit)).isPositive();
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> run(d, Tool.SCREENSHOT, "path", blocker.resolve("shot.png").toString()))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUNNER_FAILED))
                .hasMessageStartingWith("cannot write the screenshot to " + blocker.resolve("shot.png"))
                .hasMessageEndingWith("check that the output directory is writable and has space");
    }

    @Test
    void scrollUntilVisibleGivesUpAtItsTimeout() throws Exception {
        FakeDevice d = launched("com.example.list");
        long start = System.nanoTime();
        assertThatThrownBy(() -> run(d, Tool.SCROLL_UNTIL_VISIBLE, "text", "Item 999", "timeout", 0))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND))
                .hasMessageNotContaining("end reached");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }
}
