package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typing where the user means, into every kind of field, and taps on disabled elements, on real Chromium. */
class WebTypingTest {
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

    private static List<WebBackend> both() {
        return List.of(phone, desktop);
    }

    private static JsonNode run(WebBackend b, Tool tool, String json) throws InterruptedException {
        return WebFixture.run(b, tool, json, dir.resolve("artifacts"));
    }

    private static void launch(WebBackend b, String page) throws InterruptedException {
        run(b, Tool.LAUNCH_APP, "{\"url\": \"" + pages.url(page) + "\", \"clearState\": true}");
    }

    private static String value(WebBackend b, String id) {
        return WebFixture.eval(b, "document.getElementById('" + id + "').value").asText();
    }

    @Test
    void typingIntoANarrowFieldAppendsAtTheEndOfItsValue() throws Exception {
        for (WebBackend b : both()) {
            launch(b, "fields.html");
            run(b, Tool.INPUT_TEXT, "{\"id\": \"email\", \"text\": \"-extra\"}");
            assertThat(value(b, "email")).isEqualTo("grace@example.com-extra");
            run(b, Tool.INPUT_TEXT, "{\"id\": \"name\", \"text\": \" King\"}");
            assertThat(value(b, "name")).isEqualTo("Ada Lovelace King");
            run(b, Tool.INPUT_TEXT, "{\"id\": \"notes\", \"text\": \"!\"}");
            assertThat(value(b, "notes")).isEqualTo("first line\nsecond line!");
        }
    }

    @Test
    void replaceTrueReplacesTheValue() throws Exception {
        for (WebBackend b : both()) {
            launch(b, "fields.html");
            run(b, Tool.INPUT_TEXT, "{\"id\": \"email\", \"text\": \"ada@example.com\", \"replace\": true}");
            assertThat(value(b, "email")).isEqualTo("ada@example.com");
            run(b, Tool.INPUT_TEXT, "{\"id\": \"notes\", \"text\": \"only\", \"replace\": true}");
            assertThat(value(b, "notes")).isEqualTo("only");
        }
    }

    @Test
    void aDateInputAcceptsCompactTextAsTypedByAPerson() throws Exception {
        // Maestro's own e2e web flow "Date input should accept compact text".
        for (WebBackend b : both()) {
            launch(b, "fields.html");
            run(b, Tool.TAP_ON, "{\"text\": \"Date of birth\"}");
            run(b, Tool.INPUT_TEXT, "{\"text\": \"02111990\"}");
            assertThat(run(b, Tool.ASSERT_VISIBLE, "{\"text\": \"dob=1990-02-11\", \"timeout\": 2000}").path("element").asText())
                    .isEqualTo("text \"dob=1990-02-11\" #out");
            assertThat(run(b, Tool.ASSERT_VISIBLE, "{\"text\": \"1990-02-11\", \"timeout\": 0}").path("element").asText())
                    .isEqualTo("textfield \"1990-02-11\" #dob");
            // Named by a selector, whose tap may land on any part: typing still starts at the month.
            run(b, Tool.INPUT_TEXT, "{\"id\": \"dob\", \"text\": \"12251999\"}");
            assertThat(value(b, "dob")).isEqualTo("1999-12-25");
        }
    }

    @Test
    void timeAndNumberInputsTakeKeystrokes() throws Exception {
        for (WebBackend b : both()) {
            launch(b, "fields.html");
            run(b, Tool.INPUT_TEXT, "{\"id\": \"qty\", \"text\": \"42\"}");
            assertThat(value(b, "qty")).isEqualTo("42");
            run(b, Tool.TAP_ON, "{\"text\": \"Alarm\"}");
            run(b, Tool.INPUT_TEXT, "{\"text\": \"1030PM\"}");
            assertThat(value(b, "at")).isEqualTo("22:30");
        }
    }

    @Test
    void typingSendsRealKeyEvents() throws Exception {
        launch(desktop, "fields.html");
        WebFixture.eval(desktop, "window.keys = []; document.getElementById('name')"
                + ".addEventListener('keydown', e => keys.push(e.key + ':' + e.code)); 0");
        run(desktop, Tool.INPUT_TEXT, "{\"id\": \"name\", \"text\": \"A1!\"}");
        assertThat(WebFixture.eval(desktop, "keys.filter(k => !k.startsWith('End') && !k.startsWith('Control')).join(',')").asText())
                .isEqualTo("A:KeyA,1:Digit1,!:Digit1");
    }

    @Test
    void aTapOnADisabledElementFailsNamingIt() throws Exception {
        for (WebBackend b : both()) {
            launch(b, "fields.html");
            assertThatThrownBy(() -> run(b, Tool.TAP_ON, "{\"id\": \"later\", \"timeout\": 300}"))
                    .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ELEMENT_DISABLED))
                    .hasMessageContaining("button \"Later\" #later");
            assertThat(WebFixture.eval(b, "document.getElementById('clicks').textContent").asText()).isEqualTo("none");
        }
    }

    @Test
    void aTapWaitsForTheElementToBecomeEnabled() throws Exception {
        for (WebBackend b : both()) {
            launch(b, "fields.html");
            run(b, Tool.TAP_ON, "{\"text\": \"Enable later\"}");
            run(b, Tool.TAP_ON, "{\"id\": \"later\"}");
            assertThat(run(b, Tool.ASSERT_VISIBLE, "{\"text\": \"Later clicked\", \"timeout\": 0}").path("element").asText())
                    .isEqualTo("text \"Later clicked\" #clicks");
        }
    }

    @Test
    void messagesQuoteALongDataUrlShortened() throws Exception {
        // No title, so the URL names the screen; the page is a comment of 4000 characters and "Hi".
        String url = "data:text/html,%3C!--" + "x".repeat(4000) + "--%3E%3Cp%3EHi%3C/p%3E";
        run(desktop, Tool.LAUNCH_APP, "{\"url\": \"" + url + "\"}");
        assertThatThrownBy(() -> run(desktop, Tool.TAP_ON, "{\"text\": \"Nope\", \"timeout\": 0}"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.getMessage()).hasSizeLessThan(600).contains("data:text/html,%3C!--xxx").contains("chars)");
                });
    }
}
