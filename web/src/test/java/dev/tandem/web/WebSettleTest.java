package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After an action, the tool returns once the page's consequences are on screen, without fixed sleeps. */
class WebSettleTest {
    @TempDir
    static Path dir;
    static TestPages pages;
    static WebBackend web;

    @BeforeAll
    static void open() throws Exception {
        Chromium.require();
        pages = new TestPages();
        web = WebFixture.open(dir.resolve("dev"), "pixel-7");
    }

    @AfterAll
    static void close() {
        if (web != null) web.close();
        if (pages != null) pages.close();
    }

    @BeforeEach
    void load() throws Exception {
        run(Tool.LAUNCH_APP, "{\"url\": \"" + pages.url("delayed.html") + "\", \"clearState\": true}");
    }

    private static JsonNode run(Tool tool, String json) throws InterruptedException {
        return WebFixture.run(web, tool, json, dir.resolve("artifacts"));
    }

    private static boolean onScreen(String text) {
        return web.device().snapshot().elements().stream().map(UiNode::text).anyMatch(text::equals);
    }

    @Test
    void waitsForAShortTimersDomChange() throws Exception {
        JsonNode r = run(Tool.TAP_ON, "{\"text\": \"Later\"}");
        assertThat(r.has("notes")).isFalse();
        assertThat(onScreen("Done later")).isTrue();
    }

    @Test
    void waitsForARequestAndWhatItsHandlerRenders() throws Exception {
        JsonNode r = run(Tool.TAP_ON, "{\"text\": \"Fetch\"}");
        assertThat(r.has("notes")).isFalse();
        assertThat(onScreen("Fetched")).isTrue();
    }

    @Test
    void doesNotWaitForALongPoll() throws Exception {
        JsonNode r = run(Tool.TAP_ON, "{\"text\": \"Poll\"}");
        assertThat(r.has("notes")).isFalse();
        assertThat(onScreen("Polling")).isTrue();
        assertThat(WebFixture.eval(web, "window.polled").asBoolean()).isFalse(); // still open: we did not wait for it
    }

    @Test
    void waitsForATransitionToFinish() throws Exception {
        run(Tool.TAP_ON, "{\"text\": \"Animate\"}");
        assertThat(WebFixture.eval(web, "document.getAnimations().length").asInt()).isZero();
        assertThat(WebFixture.eval(web, "getComputedStyle(document.getElementById('box')).opacity").asText()).isEqualTo("0.2");
    }

    @Test
    void navigationsSettleWhetherTheyLoadADocumentOrNot() throws Exception {
        JsonNode hash = run(Tool.LAUNCH_APP, "{\"url\": \"" + pages.url("delayed.html") + "#later\"}");
        assertThat(hash.has("notes")).isFalse();
        JsonNode other = run(Tool.LAUNCH_APP, "{\"url\": \"" + pages.url("form.html") + "\"}");
        assertThat(other.has("notes")).isFalse();
        assertThat(onScreen("Post")).isTrue();
    }

    @Test
    void elementWaitsWakeOnThePagesOwnChanges() throws Exception {
        // The page adds the element later, by itself: the wait wakes on the DOM change signal.
        WebFixture.eval(web, "setTimeout(() => add('Arrived'), 400), 1");
        JsonNode r = run(Tool.ASSERT_VISIBLE, "{\"text\": \"Arrived\", \"timeout\": 5000}");
        assertThat(r.path("element").asText()).isEqualTo("text \"Arrived\"");
    }
}
