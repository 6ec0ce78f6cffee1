package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.device.LaunchRequest;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where launchApp goes on the web (no browser needed). */
class AppLinksTest {
    private static final Map<String, String> SERVICES = Map.of("apps", "http://127.0.0.1:4000/apps", "chat", "http://127.0.0.1:4000/chat");

    @Test
    void builtInAppsOpenTheirTwinWithRoomAndUser() {
        AppLinks links = new AppLinks("web-1", Map.of());
        assertThat(links.resolve(new LaunchRequest("com.chat.app", null, false, "run 7", "A", SERVICES)))
                .isEqualTo("http://127.0.0.1:4000/apps/com.chat.app/?room=run+7&user=A");
        assertThat(links.resolve(new LaunchRequest("com.chat.app", null, false, null, null, SERVICES)))
                .isEqualTo("http://127.0.0.1:4000/apps/com.chat.app/?room=default&user=web-1");
        assertThat(links.appOf("http://127.0.0.1:4000/apps/com.chat.app/?room=r&user=A")).isEqualTo("com.chat.app");
        assertThat(links.appOf("about:blank")).isNull();
        assertThat(links.appOf("http://example.test:8080/x")).isEqualTo("example.test:8080");
    }

    @Test
    void optionsMapAppIdsToUrlsAndGiveADefaultAppsBase() {
        AppLinks links = new AppLinks("web-1", Map.of("app.com.shop", "http://127.0.0.1:9000/shop?room={room}", "appsUrl", "http://127.0.0.1:5000/apps/"));
        assertThat(links.resolve(new LaunchRequest("com.shop", null, false, "r1", "B", Map.of()))).isEqualTo("http://127.0.0.1:9000/shop?room=r1");
        assertThat(links.resolve(new LaunchRequest("com.example.login", null, false, "r1", "B", Map.of())))
                .isEqualTo("http://127.0.0.1:5000/apps/com.example.login/?room=r1&user=B");
        assertThat(links.installed()).contains("com.shop", "com.chat.app");
        assertThat(links.appOf("http://127.0.0.1:9000/shop?room=r1")).isEqualTo("com.shop");
    }

    @Test
    void urlsPassThroughAndBadInputIsExplained() {
        AppLinks links = new AppLinks("web-1", Map.of());
        assertThat(links.resolve(new LaunchRequest(null, "http://127.0.0.1:1/p.html", false, null, null, Map.of()))).isEqualTo("http://127.0.0.1:1/p.html");
        assertThatThrownBy(() -> links.resolve(new LaunchRequest("com.nope", null, false, null, null, SERVICES)))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.APP_NOT_INSTALLED))
                .hasMessageContaining("com.chat.app").hasMessageContaining("app.com.nope=URL");
        assertThatThrownBy(() -> links.resolve(new LaunchRequest("com.chat.app", null, false, null, null, Map.of())))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS))
                .hasMessageContaining("services.apps");
        assertThatThrownBy(() -> links.resolve(new LaunchRequest(null, "not a url", false, null, null, Map.of())))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS));
    }

    @Test
    void aRefusedLongUrlIsQuotedByItsStartAndLength() {
        String url = "gopher://127.0.0.1:1/p?q=" + "x".repeat(3000); // a scheme no page opens
        assertThatThrownBy(() -> new AppLinks("web-1", Map.of()).resolve(new LaunchRequest(null, url, false, null, null, Map.of())))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.getMessage())
                        .hasSizeLessThan(300).contains("gopher://127.0.0.1:1/p?q=xxx", "…(" + url.length() + " chars)", "cannot be opened"));
    }

    @Test
    void shortUrlsAreQuotedWhole() {
        assertThat(UrlText.shorten("data:text/html,<h1>Hello</h1>")).isEqualTo("data:text/html,<h1>Hello</h1>");
        assertThat(UrlText.shorten("a".repeat(101))).isEqualTo("a".repeat(80) + "…(101 chars)");
    }

    @Test
    void unencodedDataUrlsGoToTheBrowserAsWritten() {
        AppLinks links = new AppLinks("web-1", Map.of());
        String url = "data:text/html,<h1>Hello world</h1>";
        assertThat(links.resolve(new LaunchRequest(null, url, false, null, null, Map.of()))).isEqualTo(url);
        assertThat(links.resolve(new LaunchRequest(null, " http://127.0.0.1:1/a b?q=<x> ", false, null, null, Map.of())))
                .isEqualTo("http://127.0.0.1:1/a b?q=<x>");
    }
}
