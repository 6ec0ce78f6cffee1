package dev.tandem.web;

import static dev.tandem.web.PageSession.obj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The device's view of its page over time: which page session is current, the uiVersion counter
 * (bumped by the agent's push signals, page lifecycle and network events, tray changes and our own
 * input), settling, and calls into the page agent that survive a navigation in progress.
 *
 * <p>Settled means: no document loading, no short request open or just finished
 * ({@link NetworkTracker}), and per the agent no DOM mutation or scroll for {@link PageState#QUIET_MS},
 * no pending short timer and no running finite animation.
 */
final class WebSignals implements CdpClient.Listener {
    /**
     * Waits wake on push signals; without one they re-check at about frame rate (time-based
     * conditions such as the quiet window, and CSS-only changes, push nothing).
     */
    static final long POLL_NS = 16_000_000L;
    /** A state read this recently, with no signal since, is reused instead of asking the page again. */
    static final long STATE_FRESH_NS = 5_000_000L;
    /** How long an agent call retries while the page is between documents. */
    static final long AGENT_RETRY_NS = 5_000_000_000L;
    private static final Pattern TRANSIENT = Pattern.compile("(?i)context|navigat|target closed|promise was collected");

    private final CdpClient cdp;
    private final WebTray tray;
    private final AppLinks links;
    private final NetworkTracker network = new NetworkTracker();
    private final AtomicLong version = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile PageSession page;
    private volatile long pageId;
    private volatile PageState last;

    WebSignals(CdpClient cdp, WebTray tray, AppLinks links) {
        this.cdp = cdp;
        this.tray = tray;
        this.links = links;
        cdp.addListener(this);
    }

    /** Makes {@code next} the device's page and closes the previous one (and its browser context). */
    void use(PageSession next) {
        PageSession old = page;
        page = next;
        pageId++;
        network.reset();
        last = null;
        bump();
        if (old != null) old.close();
    }

    /** The current page; fails with a clear error when it crashed or was closed. */
    PageSession page() {
        PageSession p = page;
        if (p.crashed) throw p.gone();
        return p;
    }

    long pageId() {
        return pageId;
    }

    long version() {
        return version.get();
    }

    void bump() {
        version.incrementAndGet();
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void await(long since, long deadlineNanos) throws InterruptedException {
        long cap = System.nanoTime() + POLL_NS;
        long until = deadlineNanos - cap < 0 ? deadlineNanos : cap;
        lock.lock();
        try {
            while (version.get() == since) {
                long left = until - System.nanoTime();
                if (left <= 0) return;
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Records the motion state a snapshot read along with the tree. */
    void observed(PageState s) {
        last = s;
    }

    boolean settled() {
        PageSession p = page;
        if (p.crashed) return true; // nothing will move any more; the next command reports the crash
        long now = System.nanoTime();
        if (p.loading || network.busy(now)) return false;
        PageState s = last;
        if (s == null || s.version() != version.get() || now - s.atNanos() > STATE_FRESH_NS) s = probe(p);
        return s.settledAt(System.nanoTime());
    }

    private PageState probe(PageSession p) {
        long v = version.get();
        long at = System.nanoTime();
        PageState s = PageState.of(parse(agent(p, "__tandem.state()").asText()), at, v);
        last = s;
        return s;
    }

    /**
     * Calls the page agent ({@code call} uses {@code __tandem}), installing it first in a document
     * that predates it, and retrying (bounded) while the page is between two documents.
     */
    JsonNode agent(PageSession p, String call) {
        String expression = "globalThis.__tandem ? " + call + " : null";
        long deadline = System.nanoTime() + AGENT_RETRY_NS;
        while (true) {
            try {
                JsonNode v = p.evaluate(expression);
                if (!v.isNull() && !v.isMissingNode()) return v;
                p.evaluate(PageSession.AGENT_SOURCE);
            } catch (CdpClient.CdpError e) {
                if (p.crashed) throw p.gone();
                if (!TRANSIENT.matcher(e.getMessage()).find() || System.nanoTime() - deadline >= 0) {
                    throw new TandemException(ErrorCode.RUNNER_FAILED, "The page agent failed: " + e.getMessage());
                }
                pause(deadline);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new TandemException(ErrorCode.RUNNER_FAILED, "The page agent could not be installed in " + UrlText.shorten(p.url)
                        + " within " + TimeUnit.NANOSECONDS.toMillis(AGENT_RETRY_NS) + " ms.");
            }
        }
    }

    /** Like {@link #agent} for a call that returns a promise; waits for it, bounded. */
    JsonNode agentAwait(PageSession p, String call, long timeoutMs) {
        agent(p, "true"); // installs the agent if needed
        JsonNode r = p.send("Runtime.evaluate", obj("expression", call, "returnByValue", true, "awaitPromise", true), timeoutMs);
        return PageSession.valueOf(r);
    }

    /** Sends a promise-returning agent call without waiting; the agent must be installed (the caller just used it). */
    CompletableFuture<JsonNode> agentAsync(PageSession p, String call) {
        return p.sendAsync("Runtime.evaluate", obj("expression", call, "returnByValue", true, "awaitPromise", true));
    }

    /** The value of an {@link #agentAsync} call, or null when its document went away meanwhile (the input navigated). */
    JsonNode agentResult(PageSession p, CompletableFuture<JsonNode> call, long timeoutMs) {
        try {
            return PageSession.valueOf(cdp.await(call, "the page agent", timeoutMs));
        } catch (CdpClient.CdpError e) {
            if (p.crashed) throw p.gone();
            if (TRANSIENT.matcher(e.getMessage()).find()) return null;
            throw new TandemException(ErrorCode.RUNNER_FAILED, "The page agent failed: " + e.getMessage());
        }
    }

    private void pause(long deadline) {
        try {
            await(version.get(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(ErrorCode.CANCELLED, "interrupted while the page was loading");
        }
    }

    @Override
    public void onEvent(String method, String session, JsonNode params) {
        PageSession p = page;
        if (p == null) return;
        if (session == null) {
            if (method.equals("Target.detachedFromTarget") && p.sessionId.equals(params.path("sessionId").asText())) {
                p.crashed = true;
                bump();
            }
            return;
        }
        if (!session.equals(p.sessionId)) return; // an old page's late events
        switch (method) {
            case "Runtime.bindingCalled" -> {
                if (PageSession.NOTIFY_BINDING.equals(params.path("name").asText())) {
                    JsonNode m = parse(params.path("payload").asText());
                    tray.onMessage(m, links.appOf(m.path("url").asText(null)), pageId);
                }
                bump();
            }
            case "Network.requestWillBeSent" -> network.started(params.path("requestId").asText(),
                    params.path("request").path("url").asText(null), params.path("type").asText(null));
            case "Network.loadingFinished", "Network.loadingFailed" -> {
                if (network.finished(params.path("requestId").asText())) bump();
            }
            case "Page.frameStartedLoading", "Page.frameStoppedLoading" -> {
                if (params.path("frameId").asText().equals(p.mainFrameId)) {
                    p.loading = method.equals("Page.frameStartedLoading");
                    bump();
                }
            }
            case "Page.frameNavigated" -> {
                JsonNode frame = params.path("frame");
                if (!frame.hasNonNull("parentId")) {
                    p.mainFrameId = frame.path("id").asText(p.mainFrameId);
                    p.url = frame.path("url").asText() + frame.path("urlFragment").asText("");
                }
                bump();
            }
            case "Page.navigatedWithinDocument" -> {
                if (params.path("frameId").asText().equals(p.mainFrameId)) p.url = params.path("url").asText(p.url);
                bump();
            }
            case "Page.domContentEventFired", "Page.loadEventFired", "Runtime.executionContextCreated" -> bump();
            case "Page.javascriptDialogOpening" -> // alert() and friends would block every script: accept at once
                    Thread.startVirtualThread(() -> cdp.sendAsync("Page.handleJavaScriptDialog", obj("accept", true), session));
            case "Inspector.targetCrashed" -> {
                p.crashed = true;
                bump();
            }
            default -> { }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return Json.object();
        }
    }

    void close() {
        last = null;
    }
}
