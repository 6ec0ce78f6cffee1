package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** launchApp urls are taken as a browser takes them: leniently, but a URL no browser opens is refused. */
class PageUrlTest {

    @Test
    void whatABrowserOpensIsAccepted() {
        assertThat(PageUrl.problem("data:text/html,<h1>Hello</h1>")).isNull();
        assertThat(PageUrl.problem("data:text/html;charset=utf-8,<p class=\"x\">100% {ok}</p>")).isNull();
        assertThat(PageUrl.problem("https://example.com/a b?q=<x>#frag")).isNull();
        assertThat(PageUrl.problem("http://user@127.0.0.1:8080/p.html")).isNull();
        assertThat(PageUrl.problem("http://[::1]:9000/")).isNull();
        assertThat(PageUrl.problem("HTTPS://EXAMPLE.COM")).isNull();
        assertThat(PageUrl.problem("file:///tmp/page.html")).isNull();
        assertThat(PageUrl.problem("about:blank")).isNull();
    }

    @Test
    void whatNoBrowserOpensIsExplained() {
        assertThat(PageUrl.problem("")).isEqualTo("it is empty");
        assertThat(PageUrl.problem("example.com/page")).isEqualTo("it has no scheme (such as https:)");
        assertThat(PageUrl.problem("ftp://example.com/")).startsWith("its scheme 'ftp' is not one a page opens with");
        assertThat(PageUrl.problem("https:/example.com")).startsWith("an http(s) URL needs '//' and a host");
        assertThat(PageUrl.problem("https:///path")).startsWith("it has no host");
        assertThat(PageUrl.problem("http://exa mple.com/")).contains("contains a character no host name can hold");
        assertThat(PageUrl.problem("http://127.0.0.1:99999/")).isEqualTo("its port '99999' is not a number from 1 to 65535");
        assertThat(PageUrl.problem("data:text/html")).startsWith("a data: URL needs a comma");
    }
}
