package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.StepNote;
import dev.tandem.protocol.Tool;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page whose DOM changes every 10 ms never settles: steps must not sit out their limits on it
 * (issue 10.2). The ticker here reschedules itself with setTimeout, so a short timer is always
 * pending and the page is never settled even on a loaded machine (a setInterval ticker whose
 * ticks come late leaves quiet gaps; the benchmark measures that one too). Real Chromium; the bounds asserted are generous (the figure is in BENCHMARKS.md:
 * assertVisible of a present element takes tens of ms), far below the limits a stalled step waits.
 */
class WebBusyPageTest {
    private static final long GENEROUS_MS = 2_000;
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
        run(Tool.LAUNCH_APP, "{\"url\": \"" + pages.url("busy.html?timer") + "\", \"clearState\": true}");
    }

    private static JsonNode run(Tool tool, String json) throws InterruptedException {
        return WebFixture.run(web, tool, json, dir.resolve("artifacts"));
    }

    private static long timed(Tool tool, String json) throws InterruptedException {
        long t0 = System.nanoTime();
        run(tool, json);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    @Test
    void thePageReallyNeverSettles() throws Exception {
        assertThat(web.device().isSettled()).isFalse();
    }

    @Test
    void assertVisibleOfAPresentElementReturnsAtOnce() throws Exception {
        assertThat(timed(Tool.ASSERT_VISIBLE, "{\"text\": \"Present\", \"timeout\": 10000}")).isLessThan(GENEROUS_MS);
    }

    @Test
    void assertNotVisibleOfAnAbsentElementReturnsAtOnce() throws Exception {
        assertThat(timed(Tool.ASSERT_NOT_VISIBLE, "{\"text\": \"Nowhere\", \"timeout\": 10000}")).isLessThan(GENEROUS_MS);
    }

    @Test
    void anActionGoesOnAfterTheSettleBudgetAndNotesIt() throws Exception {
        JsonNode r = run(Tool.TAP_ON, "{\"text\": \"Later\"}");
        assertThat(StepNote.of(r)).containsExactly(StepNote.SCREEN_NEVER_SETTLED);
        // what the tap caused still arrives and is found
        assertThat(run(Tool.ASSERT_VISIBLE, "{\"text\": \"Done later\", \"timeout\": 10000}").path("element").asText())
                .isEqualTo("text \"Done later\"");
    }
}
