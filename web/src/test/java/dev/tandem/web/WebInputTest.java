package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taps, typing, keyboard actions and scrolling through the shared ToolExecutor, on real Chromium. */
class WebInputTest {
    @TempDir
    static Path dir;
    static TestPages pages;
    static WebBackend phone;
    static WebBackend desktop;

    @BeforeAll
    static void open() throws Exception {
        Chromium.require();
        pages = new TestPages();
        phone = WebFixture.open(dir.resolve("phone"), "pixel-7");
        desktop = WebFixture.open(dir.resolve("desktop"), "desktop");
    }

    @AfterAll
    static void close() {
        if (phone != null) phone.close();
        if (desktop != null) desktop.close();
        if (pages != null) pages.close();
    }

    private static JsonNode run(WebBackend b, Tool tool, String json) throws InterruptedException {
        return WebFixture.run(b, tool, json, dir.resolve("artifacts"));
    }

    private static void launch(WebBackend b, String page) throws InterruptedException {
        run(b, Tool.LAUNCH_APP, "{\"url\": \"" + pages.url(page) + "\", \"clearState\": true}");
    }

    @Test
    void tapByTextIsATouchOnPhoneProfiles() throws Exception {
        launch(phone, "static.html");
        JsonNode r = run(phone, Tool.TAP_ON, "{\"text\": \"Go\"}");
        assertThat(r.path("element").asText()).isEqualTo("button \"Go\" #go");
        String events = WebFixture.eval(phone, "events.join(',')").asText();
        assertThat(events).contains("touchstart", "pointerdown:touch", "go:touch").doesNotContain("pointerdown:mouse");
    }

    @Test
    void backToBackTouchTapsAreWholePhoneTapsWithOneClickEach() throws Exception {
        launch(phone, "static.html");
        for (int i = 0; i < 5; i++) run(phone, Tool.TAP_ON, "{\"text\": \"Go\"}");
        // Settling waited for each click, so all five are there when the last step returns.
        String events = WebFixture.eval(phone, "events.filter(e => !e.startsWith('dblclick')).join(',')").asText();
        assertThat(events).isEqualTo(String.join(",", java.util.Collections.nCopies(5, "pointerdown:touch,touchstart,mousedown,go:touch")));
    }

    @Test
    void aTouchTapOnAPageWithoutAMobileViewportWaitsForItsHeldBackClick() throws Exception {
        launch(phone, "plain.html");
        run(phone, Tool.TAP_ON, "{\"text\": \"Tap\"}");
        assertThat(WebFixture.run(phone, Tool.ASSERT_VISIBLE, "{\"text\": \"Tapped 1\", \"timeout\": 0}", dir).path("element").asText())
                .isEqualTo("text \"Tapped 1\" #out");
        assertThat(WebFixture.eval(phone, "events.join(',')").asText()).isEqualTo("pointerdown:touch,touchstart,touchend,click:touch");
    }

    @Test
    void touchTapsStayTouchesAfterSwipesLongPressesAndDoubleTaps() throws Exception {
        launch(phone, "static.html");
        run(phone, Tool.TAP_ON, "{\"text\": \"Go\"}");
        run(phone, Tool.SWIPE, "{\"direction\": \"up\"}");
        run(phone, Tool.SWIPE, "{\"direction\": \"down\"}");
        run(phone, Tool.TAP_ON, "{\"id\": \"card\", \"action\": \"longPress\"}");
        run(phone, Tool.TAP_ON, "{\"id\": \"card\", \"action\": \"doubleTap\"}");
        run(phone, Tool.TAP_ON, "{\"text\": \"Go\"}");
        String events = WebFixture.eval(phone, "events.join(',')").asText();
        assertThat(events).contains("held").doesNotContain("pointerdown:mouse");
        assertThat(events.split("go:touch", -1)).hasSize(3); // two taps on Go
        assertThat(events.split("card:touch", -1)).hasSize(3); // the double tap's two; none from the long press
    }

    @Test
    void aTapWhoseCenterIsOnAFrameReachesTheFrame() throws Exception {
        launch(phone, "framed.html");
        run(phone, Tool.TAP_ON, "{\"text\": \"Under\"}");
        assertThat(WebFixture.eval(phone, "events.join(',')").asText()).isEqualTo("frame:touchstart,frame:click");
    }

    @Test
    void tapByTextIsAMouseClickOnDesktop() throws Exception {
        launch(desktop, "static.html");
        run(desktop, Tool.TAP_ON, "{\"text\": \"Go\"}");
        String events = WebFixture.eval(desktop, "events.join(',')").asText();
        assertThat(events).contains("pointerdown:mouse", "go:mouse").doesNotContain("touchstart");
    }

    @Test
    void tapByIdReachesDataTestidAndDoubleTapAndLongPressWork() throws Exception {
        launch(desktop, "static.html");
        run(desktop, Tool.TAP_ON, "{\"id\": \"card\", \"action\": \"doubleTap\"}");
        assertThat(WebFixture.eval(desktop, "events.join(',')").asText()).contains("card:mouse", "dblclick");
        launch(phone, "static.html");
        run(phone, Tool.TAP_ON, "{\"id\": \"card\", \"action\": \"longPress\"}");
        // A long press holds the finger down past the long-press timeout and is not a click.
        assertThat(WebFixture.eval(phone, "events.join(',')").asText()).contains("touchstart", "held").doesNotContain("card:");
    }

    @Test
    void inputTextThenImeActionSendSubmitsTheForm() throws Exception {
        launch(phone, "form.html");
        run(phone, Tool.INPUT_TEXT, "{\"text\": \"ada\", \"id\": \"user\"}");
        run(phone, Tool.IME_ACTION, "{\"action\": \"next\"}");
        assertThat(WebFixture.eval(phone, "document.activeElement.id").asText()).isEqualTo("msg");
        run(phone, Tool.INPUT_TEXT, "{\"text\": \"Hello\"}");
        run(phone, Tool.IME_ACTION, "{\"action\": \"send\"}");
        // No wait here: settling after the action already saw the form's result.
        assertThat(WebFixture.run(phone, Tool.ASSERT_VISIBLE, "{\"text\": \"Sent: ada/Hello\", \"timeout\": 0}", dir).path("element").asText())
                .isEqualTo("text \"Sent: ada/Hello\" #sent");
    }

    @Test
    void imeActionChecksTheFieldsOwnActionAndNeedsAFocusedField() throws Exception {
        launch(phone, "form.html");
        assertThatThrownBy(() -> run(phone, Tool.IME_ACTION, "{\"action\": \"send\"}"))
                .isInstanceOf(TandemException.class).hasMessageContaining("none is focused");
        run(phone, Tool.TAP_ON, "{\"text\": \"User\"}");
        assertThatThrownBy(() -> run(phone, Tool.IME_ACTION, "{\"action\": \"send\"}"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS))
                .hasMessageContaining("'next', not 'send'");
    }

    @Test
    void clearTextEmptiesTheField() throws Exception {
        launch(phone, "static.html");
        run(phone, Tool.CLEAR_TEXT, "{\"id\": \"name\"}");
        assertThat(WebFixture.eval(phone, "document.getElementById('name').value").asText()).isEmpty();
        run(phone, Tool.INPUT_TEXT, "{\"text\": \"Grace\"}");
        assertThat(phone.device().snapshot().elements()).anyMatch(n -> "name".equals(n.id()) && "Grace".equals(n.text()));
    }

    @Test
    void scrollUntilVisibleSwipesThePageOnTouchAndWheelsOnDesktop() throws Exception {
        for (WebBackend b : new WebBackend[] {phone, desktop}) {
            launch(b, "long.html");
            JsonNode r = run(b, Tool.SCROLL_UNTIL_VISIBLE, "{\"text\": \"Row 60\"}");
            assertThat(r.path("element").asText()).isEqualTo("listitem \"Row 60\"");
            assertThat(WebFixture.eval(b, "scrollY").asInt()).isPositive();
        }
    }

    @Test
    void scrollUntilVisibleReportsTheEndOfTheList() throws Exception {
        launch(desktop, "long.html");
        assertThatThrownBy(() -> run(desktop, Tool.SCROLL_UNTIL_VISIBLE, "{\"text\": \"Row 500\", \"timeout\": 20000}"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND))
                .hasMessageContaining("end reached");
    }

    @Test
    void swipeWithinAScrollableElementScrollsIt() throws Exception {
        launch(phone, "long.html");
        run(phone, Tool.SCROLL_UNTIL_VISIBLE, "{\"id\": \"box\"}");
        run(phone, Tool.SWIPE, "{\"direction\": \"up\", \"id\": \"box\"}");
        assertThat(WebFixture.eval(phone, "document.getElementById('box').scrollTop").asInt()).isPositive();
    }

    @Test
    void backGoesBackInHistoryAndHomeLeavesTheApp() throws Exception {
        launch(phone, "static.html");
        run(phone, Tool.TAP_ON, "{\"text\": \"Read more\"}");
        assertThat(phone.webDevice().signals.page().url).endsWith("#more");
        run(phone, Tool.PRESS_BUTTON, "{\"button\": \"back\"}");
        assertThat(phone.webDevice().signals.page().url).endsWith("static.html");
        run(phone, Tool.PRESS_BUTTON, "{\"button\": \"home\"}");
        assertThat(phone.device().snapshot().app()).isNull();
    }
}
