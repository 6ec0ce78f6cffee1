package dev.tandem.web;

import static dev.tandem.web.PageSession.obj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * One page in Tandem's own headless Chromium (same binary lookup, flags and CDP client as web
 * devices), for looking at a local HTML file the way a person would: the report tests and the
 * report benchmark open {@code report.html} with it, ask the page what it shows, and take the
 * screenshot in docs/. Not a device: no app, no UI tree, no file guard.
 */
public final class HeadlessPage implements AutoCloseable {
    private static final long CONNECT_TIMEOUT_MS = 10_000;
    private final ChromiumProcess chromium;
    private final CdpClient cdp;
    private final String session;

    private HeadlessPage(ChromiumProcess chromium, CdpClient cdp, String session) {
        this.chromium = chromium;
        this.cdp = cdp;
        this.session = session;
    }

    /** Starts Chromium with its profile under {@code workDir}, with one blank page of {@code width} × {@code height} CSS px. */
    public static HeadlessPage start(Path workDir, int width, int height) {
        ChromiumProcess chromium = ChromiumProcess.start(ChromiumBinary.locate(System.getenv()), workDir);
        try {
            CdpClient cdp = CdpClient.connect(chromium.browserUrl(), CONNECT_TIMEOUT_MS, chromium::logTail);
            String target = cdp.send("Target.createTarget", obj("url", "about:blank"), null).path("targetId").asText();
            String session = cdp.send("Target.attachToTarget", obj("targetId", target, "flatten", true), null).path("sessionId").asText();
            cdp.send("Emulation.setDeviceMetricsOverride", obj("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false),
                    session);
            cdp.send("Runtime.enable", null, session);
            return new HeadlessPage(chromium, cdp, session);
        } catch (RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    /**
     * Opens {@code url} and waits until {@code readyExpression} is true (polled, bounded by
     * {@code timeoutMs}); returns the milliseconds from navigation to ready.
     */
    public long open(URI url, String readyExpression, long timeoutMs) throws InterruptedException {
        long t0 = System.nanoTime();
        cdp.send("Page.navigate", obj("url", url.toString()), session, timeoutMs);
        long deadline = t0 + timeoutMs * 1_000_000L;
        long pause = 1;
        while (true) {
            JsonNode v = eval("document.readyState === 'complete' && !!(" + readyExpression + ")");
            if (v.asBoolean(false)) return (System.nanoTime() - t0) / 1_000_000;
            if (System.nanoTime() > deadline) {
                throw new TandemException(ErrorCode.STEP_TIMEOUT, url + " was not ready (" + readyExpression + ") within " + timeoutMs
                        + " ms; the page said: " + eval("document.body ? document.body.innerText.slice(0, 300) : ''").asText());
            }
            Thread.sleep(pause); // polling a page condition: backs off to 20 ms, bounded by the deadline above
            pause = Math.min(20, pause * 2);
        }
    }

    /** The value of a JavaScript expression in the page (JSON-serialisable values; promises awaited). */
    public JsonNode eval(String expression) {
        JsonNode r = cdp.send("Runtime.evaluate", obj("expression", expression, "returnByValue", true, "awaitPromise", true), session);
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw on " + expression + ": " + r.path("exceptionDetails").path("exception")
                    .path("description").asText(r.path("exceptionDetails").toString()));
        }
        return r.path("result").path("value");
    }

    /** A PNG of the whole page (beyond the viewport), at most {@code maxHeight} px tall. */
    public void screenshot(Path png, int maxHeight) throws IOException {
        JsonNode size = eval("({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})");
        int h = Math.min(maxHeight, size.path("h").asInt(800));
        JsonNode r = cdp.send("Page.captureScreenshot", obj("format", "png", "captureBeyondViewport", true,
                "clip", obj("x", 0, "y", 0, "width", size.path("w").asInt(1200), "height", h, "scale", 1)), session, 30_000);
        Files.write(png, Base64.getDecoder().decode(r.path("data").asText()));
    }

    @Override
    public void close() {
        try {
            cdp.close();
        } finally {
            chromium.close();
        }
    }
}
