package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web device reads no file it was not allowed (Tandem's state dir above all), neither through
 * launchApp nor from a page's own links; downloads land in the device's work dir.
 */
class WebSandboxTest {
    static final String TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
    @TempDir
    static Path dir;
    static Path home;
    static Path plans;
    static WebBackend phone;

    @BeforeAll
    static void open() throws Exception {
        Chromium.require();
        home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("daemon.json"), "{\"token\": \"" + TOKEN + "\"}");
        plans = Files.createDirectories(home.getParent().resolve("plans"));
        Files.writeString(plans.resolve("page.html"), "<!doctype html><title>Local</title><p>A local page</p>"
                + "<a id=leak href=\"" + home.resolve("daemon.json").toUri() + "\">state</a>"
                + "<a id=link href=\"linked.json\">linked</a>");
        Files.createSymbolicLink(plans.resolve("linked.json"), home.resolve("daemon.json"));
        phone = WebFixture.open(home.resolve("devices").resolve("web-1"), "pixel-7");
    }

    @AfterAll
    static void close() {
        if (phone != null) phone.close();
    }

    /** launchApp params as the daemon sends them: the plan's dir allowed, the state dir denied. */
    private static String launch(String url) {
        return "{\"url\": \"" + url + "\", \"context\": {\"files\": {\"allow\": [\"" + plans.getParent() + "\"], \"deny\": [\""
                + home + "\"]}}}";
    }

    /**
     * The text of the page once it is loaded. Right after a tap on a link the browser may be between
     * documents (the refused navigation replaces the page), when there is no document element to
     * read: that state is waited out, bounded, rather than read.
     */
    private static String pageText() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String expr = "document.readyState === 'complete' && document.documentElement ? document.documentElement.innerText : null";
        while (true) {
            RuntimeException last;
            try {
                var v = WebFixture.eval(phone, expr);
                if (v != null && !v.isNull()) return v.asText();
                last = null;
            } catch (RuntimeException e) { // the context was torn down mid-call by the navigation
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page did not finish loading within 5 s", last);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void launchAppRefusesAFileUrlUnderTheStateDir() {
        assertThatThrownBy(() -> WebFixture.run(phone, Tool.LAUNCH_APP, launch(home.resolve("daemon.json").toUri().toString()), dir))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_ALLOWED))
                .hasMessageContaining("daemon.json");
        assertThat(pageText()).doesNotContain(TOKEN);
    }

    @Test
    void launchAppRefusesFilesOutsideTheAllowedDirsAndAnyFileWithoutAnAllowance() throws Exception {
        Path outside = Files.writeString(Files.createTempFile("tandem-outside", ".html"), "<p>outside</p>");
        try {
            assertThatThrownBy(() -> WebFixture.run(phone, Tool.LAUNCH_APP, launch(outside.toUri().toString()), dir))
                    .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_ALLOWED));
            String bare = "{\"url\": \"" + plans.resolve("page.html").toUri() + "\"}";
            assertThatThrownBy(() -> WebFixture.run(phone, Tool.LAUNCH_APP, bare, dir))
                    .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_ALLOWED));
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void aPageCannotFollowALinkOrASymlinkIntoTheStateDir() throws Exception {
        for (String link : new String[] {"leak", "link"}) {
            WebFixture.run(phone, Tool.LAUNCH_APP, launch(plans.resolve("page.html").toUri().toString()), dir);
            assertThat(pageText()).contains("A local page");
            WebFixture.run(phone, Tool.TAP_ON, "{\"id\": \"" + link + "\"}", dir);
            assertThat(pageText()).doesNotContain(TOKEN);
            assertThat(WebFixture.eval(phone, "location.href").asText()).doesNotEndWith("daemon.json").doesNotEndWith("linked.json");
        }
    }

    @Test
    void downloadsLandInTheDevicesWorkDir() throws Exception {
        String name = "tandem-download-" + UUID.randomUUID() + ".txt";
        Files.writeString(plans.resolve("download.html"), "<!doctype html><title>Download</title>"
                + "<a id=dl download=\"" + name + "\" href=\"data:text/plain,hello\">get</a>"
                + "<script>document.getElementById('dl').click()</script>");
        Path userDownloads = Path.of(System.getProperty("user.home"), "Downloads", name);
        try {
            WebFixture.run(phone, Tool.LAUNCH_APP, launch(plans.resolve("download.html").toUri().toString()), dir);
            Path expected = phone.webDevice().downloads().resolve(name);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Files.exists(expected) && !Files.exists(userDownloads) && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(10_000_000L); // polling the file system: nothing tells us a download ended
            }
            assertThat(expected).hasContent("hello");
            assertThat(userDownloads).doesNotExist();
        } finally {
            Files.deleteIfExists(userDownloads);
        }
    }
}
