package dev.tandem.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One page target attached in flat mode and set up as the profile's phone: device metrics, user
 * agent, touch, focus emulation, the page agent (before the page's own scripts) and the bindings
 * it reports through. All set-up commands are pipelined: one round trip, not ten.
 */
final class PageSession {
    static final String UI_BINDING = "__tandemUi";
    static final String NOTIFY_BINDING = "__tandemNotify";
    static final String AGENT_SOURCE = load("agent.js");

    private final CdpClient cdp;
    final String targetId;
    /** Null for the browser's default context. */
    final String browserContextId;
    final String sessionId;
    volatile boolean loading;
    volatile boolean crashed;
    /** The top frame (its id is the target's until Chromium says otherwise) and its URL. */
    volatile String mainFrameId;
    volatile String url = "about:blank";

    private PageSession(CdpClient cdp, String targetId, String browserContextId, String sessionId) {
        this.cdp = cdp;
        this.targetId = targetId;
        this.browserContextId = browserContextId;
        this.sessionId = sessionId;
        this.mainFrameId = targetId;
    }

    static PageSession attach(CdpClient cdp, String targetId, String browserContextId, WebProfile profile, String chromeVersion) {
        String sessionId = cdp.send("Target.attachToTarget", obj("targetId", targetId, "flatten", true), null)
                .path("sessionId").asText();
        PageSession page = new PageSession(cdp, targetId, browserContextId, sessionId);
        List<CompletableFuture<JsonNode>> setup = new ArrayList<>();
        setup.add(page.sendAsync("Page.enable", null));
        setup.add(page.sendAsync("Runtime.enable", null));
        setup.add(page.sendAsync("Network.enable", obj("maxPostDataSize", 0)));
        // Every file: request is paused so FileGuard can refuse what the device may not read.
        setup.add(page.sendAsync("Fetch.enable", FileGuard.FETCH_PATTERNS));
        setup.add(page.sendAsync("Runtime.addBinding", obj("name", UI_BINDING)));
        setup.add(page.sendAsync("Runtime.addBinding", obj("name", NOTIFY_BINDING)));
        setup.add(page.sendAsync("Page.addScriptToEvaluateOnNewDocument", obj("source", AGENT_SOURCE)));
        ObjectNode metrics = obj("width", profile.width(), "height", profile.height(),
                "deviceScaleFactor", profile.dpr(), "mobile", profile.mobile());
        if (profile.mobile()) metrics.set("screenOrientation", obj("type", "portraitPrimary", "angle", 0));
        setup.add(page.sendAsync("Emulation.setDeviceMetricsOverride", metrics));
        setup.add(page.sendAsync("Emulation.setUserAgentOverride",
                obj("userAgent", profile.userAgent(chromeVersion), "platform", profile.platform())));
        setup.add(page.sendAsync("Emulation.setTouchEmulationEnabled",
                obj("enabled", profile.touch(), "maxTouchPoints", profile.touch() ? 5 : 1)));
        // Touch taps go in through the touch emulator (InputDriver). It must exist before the page
        // draws: it learns from the page's frames whether the page is mobile-optimized (no
        // double-tap zoom, so a tap's click is not held back 300 ms to tell it from a double tap).
        if (profile.touch()) setup.add(page.sendAsync("Emulation.setEmitTouchEventsForMouse", obj("enabled", true, "configuration", "mobile")));
        // Headless pages never have OS focus; without this, focus events and :focus misbehave.
        setup.add(page.sendAsync("Emulation.setFocusEmulationEnabled", obj("enabled", true)));
        // Install the agent in the document that is already there (about:blank) too.
        setup.add(page.sendAsync("Runtime.evaluate", obj("expression", AGENT_SOURCE)));
        for (CompletableFuture<JsonNode> f : setup) cdp.await(f, "page set-up", CdpClient.DEFAULT_TIMEOUT_MS);
        return page;
    }

    CompletableFuture<JsonNode> sendAsync(String method, ObjectNode params) {
        return cdp.sendAsync(method, params, sessionId);
    }

    /** Sends a command Chromium may never answer, without waiting ({@link CdpClient#post}). */
    void post(String method, ObjectNode params) {
        cdp.post(method, params, sessionId);
    }

    JsonNode await(CompletableFuture<JsonNode> f, String what) {
        return cdp.await(f, what, CdpClient.DEFAULT_TIMEOUT_MS);
    }

    JsonNode send(String method, ObjectNode params) {
        return cdp.send(method, params, sessionId);
    }

    JsonNode send(String method, ObjectNode params, long timeoutMs) {
        return cdp.send(method, params, sessionId, timeoutMs);
    }

    /**
     * Evaluates an expression in the page's main world and returns its value (by value). A script
     * error becomes a CdpError; a missing execution context (mid-navigation) too, with code -32000.
     */
    JsonNode evaluate(String expression) {
        return valueOf(send("Runtime.evaluate", obj("expression", expression, "returnByValue", true)));
    }

    static JsonNode valueOf(JsonNode result) {
        JsonNode ex = result.get("exceptionDetails");
        if (ex != null) {
            String text = ex.path("exception").path("description").asText(ex.path("text").asText("script error"));
            throw new CdpClient.CdpError("Runtime.evaluate", -1, text);
        }
        return result.path("result").path("value");
    }

    void close() {
        if (!cdp.isOpen()) return;
        cdp.sendAsync("Target.closeTarget", obj("targetId", targetId), null);
        if (browserContextId != null) cdp.sendAsync("Target.disposeBrowserContext", obj("browserContextId", browserContextId), null);
    }

    static ObjectNode obj(Object... kv) {
        ObjectNode n = Json.object();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            String k = (String) kv[i];
            switch (v) {
                case null -> n.putNull(k);
                case String s -> n.put(k, s);
                case Integer x -> n.put(k, x);
                case Long x -> n.put(k, x);
                case Double x -> n.put(k, x);
                case Boolean x -> n.put(k, x);
                case JsonNode x -> n.set(k, x);
                default -> n.set(k, Json.toTree(v));
            }
        }
        return n;
    }

    private static String load(String name) {
        try (InputStream in = PageSession.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource dev/tandem/web/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page that is gone: crashed renderer or closed target. */
    TandemException gone() {
        return new TandemException(ErrorCode.RUNNER_FAILED, "The page crashed or was closed (target " + targetId
                + "): relaunch the app with launchApp (clearState: true starts afresh).");
    }
}
