package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Tool;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Taps on a page without a mobile viewport (zoomable, 980 px wide on a phone). Chromium's touch
 * emulator holds such a tap's click back 300 ms to tell it from a double tap; Playwright's tap and
 * chromedriver do not wait that out, and neither does a tapOn.
 */
class WebZoomableTapTest {
    @TempDir
    static Path dir;
    static TestPages pages;
    static WebBackend phone;

    @BeforeAll
    static void open() throws Exception {
        Chromium.require();
        pages = new TestPages();
        phone = WebFixture.open(dir.resolve("phone"), "pixel-7");
    }

    @AfterAll
    static void close() {
        if (phone != null) phone.close();
        if (pages != null) pages.close();
    }

    @Test
    void tapsOnAPageWithoutAMobileViewportGetTheirClickWithoutTheDoubleTapHold() throws Exception {
        WebFixture.run(phone, Tool.LAUNCH_APP, "{\"url\": \"" + pages.url("zoomable.html") + "\"}", dir);
        for (int i = 0; i < 4; i++) WebFixture.run(phone, Tool.TAP_ON, "{\"text\": \"Tap\"}", dir);
        // Each step waited for its click: all four are there when the last returns, each a touch.
        JsonNode r = WebFixture.run(phone, Tool.ASSERT_VISIBLE, "{\"text\": \"Tapped 4\", \"timeout\": 0}", dir);
        assertThat(r.path("element").asText()).isEqualTo("text \"Tapped 4\" #out");
        assertThat(WebFixture.eval(phone, "kinds.join(',')").asText()).isEqualTo("touch,touch,touch,touch");
        // The double-tap hold is a fixed 300 ms between the finger lifting and the click (the
        // issue measured 313-343 ms per tap); without it the click follows in the same task.
        for (JsonNode gap : WebFixture.eval(phone, "gaps")) assertThat(gap.asInt()).isLessThan(250);
    }
}
