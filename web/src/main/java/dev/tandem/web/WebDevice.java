package dev.tandem.web;

import static dev.tandem.web.PageSession.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.device.Device;
import dev.tandem.device.Direction;
import dev.tandem.device.LaunchRequest;
import dev.tandem.device.Notification;
import dev.tandem.device.TapKind;
import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.Button;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ImeAction;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A web device: one Chromium page with a device profile, behind the same {@link Device}
 * primitives as the sim, so the shared ToolExecutor gives it the same tools and selectors. The
 * snapshot is one call into the page agent; taps are real touch (or mouse) input; settling
 * follows the page's network, DOM activity, timers and animations ({@link WebSignals}).
 */
public final class WebDevice implements Device {
    /** How long a swipe waits for the scroll it should cause to start. */
    private static final long SCROLL_START_MS = 500;

    private final CdpClient cdp;
    private final String deviceId;
    private final WebProfile profile;
    private final String chromeVersion;
    private final AppLinks links;
    private final WebTray tray = new WebTray();
    private final InputDriver input;
    private final WebKeyboard keyboard;
    private final FileGuard files;
    private final Path downloads;
    final WebSignals signals;
    /** The remote browser this device drives (a Grid session), or null for a local Chromium. */
    private final dev.tandem.device.RemoteBrowser remote;

    WebDevice(CdpClient cdp, String deviceId, WebProfile profile, String chromeVersion, Map<String, String> options, Path workDir) {
        this.cdp = cdp;
        this.files = new FileGuard(cdp, workDir);
        this.downloads = workDir.resolve("downloads");
        this.deviceId = deviceId;
        this.profile = profile;
        this.chromeVersion = chromeVersion;
        this.links = new AppLinks(deviceId, options);
        this.remote = dev.tandem.device.RemoteBrowser.fromOptions(options);
        this.signals = new WebSignals(cdp, tray, links);
        this.input = new InputDriver(profile.touch(), signals);
        this.keyboard = new WebKeyboard(signals, input, tray);
        String target = null;
        for (JsonNode t : cdp.send("Target.getTargets", null, null).path("targetInfos")) {
            if (t.path("type").asText().equals("page")) target = t.path("targetId").asText();
        }
        if (target == null) target = cdp.send("Target.createTarget", obj("url", "about:blank"), null).path("targetId").asText();
        keepDownloads(null);
        signals.use(PageSession.attach(cdp, target, null, profile, chromeVersion));
    }

    /** Downloads of a browser context (null: the default one) land in the device's work dir, never in ~/Downloads. */
    private void keepDownloads(String browserContextId) {
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new TandemException(ErrorCode.RUNNER_FAILED, "cannot create the downloads dir " + downloads + ": " + e.getMessage());
        }
        ObjectNode p = obj("behavior", "allow", "downloadPath", downloads.toString());
        if (browserContextId != null) p.put("browserContextId", browserContextId);
        cdp.send("Browser.setDownloadBehavior", p, null);
    }

    /** Where this device's downloads go. */
    Path downloads() {
        return downloads;
    }

    public WebProfile profile() {
        return profile;
    }

    // ---- reading

    @Override
    public Snapshot snapshot() {
        int w = profile.width();
        int h = profile.height();
        if (tray.isOpen()) {
            UiNode root = new UiNode(null, "screen", null, null, null, new Bounds(0, 0, w, h), true, null, false, tray.shade(w, h));
            return new Snapshot(deviceId, null, "notifications", w, h, profile.dpr(), root);
        }
        PageSession page = signals.page();
        long version = signals.version();
        long at = System.nanoTime();
        JsonNode j;
        try {
            j = Json.MAPPER.readTree(signals.agent(page, "__tandem.snapshot()").asText());
        } catch (IOException e) {
            throw new TandemException(ErrorCode.RUNNER_FAILED, "the page agent returned an unreadable snapshot: " + e.getMessage());
        }
        signals.observed(PageState.of(j.path("s"), at, version));
        String url = j.path("u").asText();
        String title = j.path("t").asText("");
        String app = UrlText.shorten(links.appOf(url)); // a page without a host (data:) is named by its URL
        return new Snapshot(deviceId, app, UrlText.shorten(title.isEmpty() ? url : title), w, h, profile.dpr(), SnapshotReader.tree(j.path("n"), w, h));
    }

    @Override
    public long uiVersion() {
        return signals.version();
    }

    @Override
    public void awaitUiChange(long sinceVersion, long deadlineNanos) throws InterruptedException {
        signals.await(sinceVersion, deadlineNanos);
    }

    @Override
    public boolean isSettled() {
        return tray.isOpen() || signals.settled();
    }

    // ---- apps

    @Override
    public void launchApp(LaunchRequest request) {
        String url = links.resolve(request);
        files.use(request.files());
        files.check(url);
        tray.setOpen(false);
        keyboard.shown();
        if (request.clearState()) signals.use(freshContext());
        else if (url.equals(signals.page().url)) { // already in front: keep its state, as a phone would
            signals.bump();
            return;
        }
        navigate(url);
    }

    /** A fresh browser context (no cookies, storage or cache) with a new page in it. */
    private PageSession freshContext() {
        String context = cdp.send("Target.createBrowserContext", obj("disposeOnDetach", true), null).path("browserContextId").asText();
        keepDownloads(context);
        String target = cdp.send("Target.createTarget", obj("url", "about:blank", "browserContextId", context), null)
                .path("targetId").asText();
        return PageSession.attach(cdp, target, context, profile, chromeVersion);
    }

    private void navigate(String url) {
        PageSession page = signals.page();
        // Settling follows the navigation by its events (frameStartedLoading comes before this
        // reply), the document request, then the new document's readyState.
        JsonNode r = page.send("Page.navigate", obj("url", url), 30_000);
        signals.bump();
        String error = r.path("errorText").asText("");
        if (!error.isEmpty()) {
            page.loading = false;
            throw new TandemException(ErrorCode.BAD_PARAMS, "launchApp could not open " + UrlText.shorten(url) + ": " + error
                    + ". Check that the server is up and the URL is right." + remoteLoopbackHint(url));
        }
    }

    /**
     * On a Grid node, loopback is the node's: the built-in apps' web twins (served by the daemon on
     * this host's 127.0.0.1) load only when the node runs on this host.
     */
    private String remoteLoopbackHint(String url) {
        if (remote == null) return "";
        String host = java.net.URI.create(url).getHost();
        boolean loopback = host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
        return loopback ? " The browser is " + remote.where() + ", on a Grid node: " + host + " there is the node itself, so pages"
                + " (and the built-in apps' web twins) served on this host's loopback load only on a node on this host." : "";
    }

    @Override
    public void stopApp(String appId) {
        PageSession page = signals.page();
        String current = links.appOf(page.url);
        if (appId != null && !appId.equals(current) && !links.installed().contains(appId)) {
            throw new TandemException(ErrorCode.APP_NOT_INSTALLED, "No web app '" + appId + "' on this device. Installed: "
                    + String.join(", ", links.installed()) + ".");
        }
        if (current != null && (appId == null || appId.equals(current))) navigate("about:blank");
    }

    @Override
    public List<String> installedApps() {
        return links.installed();
    }

    // ---- input

    @Override
    public void tap(UiNode element, TapKind kind) {
        if (tray.isOpen()) {
            switch (tray.tapOnShade(element)) {
                case WebTray.ShadeTap.Open o -> open(o.entry());
                case WebTray.ShadeTap.ClearAll c -> tray.clear();
                case WebTray.ShadeTap.Nothing x -> { }
            }
            signals.bump();
            return;
        }
        Bounds b = element.bounds();
        keyboard.shown();
        input.tap(signals.page(), b.x() + b.width() / 2.0, b.y() + b.height() / 2.0, kind);
        signals.bump();
    }

    @Override
    public void inputText(String text) {
        keyboard.type(text);
        signals.bump();
    }

    @Override
    public void clearText() {
        keyboard.clear();
        signals.bump();
    }

    @Override
    public void imeAction(ImeAction action) {
        keyboard.action(action);
        signals.bump();
    }

    @Override
    public void pressButton(Button button) {
        switch (button) {
            case BACK -> back();
            case HOME -> {
                tray.setOpen(false);
                if (!"about:blank".equals(signals.page().url)) navigate("about:blank");
            }
            case ENTER -> {
                if (tray.isOpen()) return;
                input.enter(signals.page(), true);
            }
        }
        signals.bump();
    }

    /**
     * Back: closes the shade; else, on touch profiles, hides the soft keyboard when a text field has
     * the focus (the field keeps it, as on a phone); else goes back in history; else home. On the
     * home screen (about:blank) it does nothing: going back through the history from there reopened
     * the app just left.
     */
    private void back() {
        if (tray.isOpen()) {
            tray.setOpen(false);
            return;
        }
        PageSession page = signals.page();
        if ("about:blank".equals(page.url)) return; // the home screen: back stays there, as on a phone
        if (profile.touch() && keyboard.hideOnBack()) return;
        keyboard.shown();
        JsonNode h = page.send("Page.getNavigationHistory", null);
        int i = h.path("currentIndex").asInt();
        JsonNode entries = h.path("entries");
        if (i > 0 && !entries.get(i - 1).path("url").asText().equals("about:blank")) {
            page.send("Page.navigateToHistoryEntry", obj("entryId", entries.get(i - 1).path("id").asInt()));
        } else if (!"about:blank".equals(page.url)) {
            navigate("about:blank");
        }
    }

    @Override
    public void swipe(Direction direction, UiNode within) {
        if (tray.isOpen()) {
            if (direction == Direction.UP) tray.setOpen(false);
            signals.bump();
            return;
        }
        PageSession page = signals.page();
        Bounds area = within != null ? within.bounds() : new Bounds(0, 0, profile.width(), profile.height());
        int cx = area.x() + area.width() / 2;
        int cy = area.y() + area.height() / 2;
        // The finger moving up scrolls the content down.
        int dx = direction == Direction.LEFT ? 1 : direction == Direction.RIGHT ? -1 : 0;
        int dy = direction == Direction.UP ? 1 : direction == Direction.DOWN ? -1 : 0;
        boolean scrolls = signals.agent(page, "__tandem.armScroll(" + cx + "," + cy + "," + dx + "," + dy + ")").asBoolean();
        input.swipe(page, direction, area);
        if (scrolls) signals.agentAwait(page, "__tandem.scrolled(" + SCROLL_START_MS + ")", SCROLL_START_MS + 2_000);
        signals.bump();
    }

    // ---- notifications

    @Override
    public List<Notification> notifications() {
        return tray.list();
    }

    @Override
    public void openTray() {
        tray.setOpen(true);
        signals.bump();
    }

    @Override
    public void tapNotification(Notification notification) {
        WebTray.Entry e = tray.take(notification).orElseThrow(() -> new TandemException(ErrorCode.NOTIFICATION_NOT_FOUND,
                "The notification is no longer in the tray (dismissed or tapped already)."));
        open(e);
        signals.bump();
    }

    /** Closes the shade and runs the notification's click handler in its page, or reopens that page. */
    private void open(WebTray.Entry e) {
        tray.take(e.notification());
        tray.setOpen(false);
        PageSession page = signals.page();
        String[] doc = e.doc().split("/", 2);
        boolean here = signals.pageId() == e.pageId() && signals.agent(page, "((t, d, id) => t.doc === d && (t.clickNotification(id), true))"
                + "(__tandem, " + Json.text(doc[0]) + ", " + Long.parseLong(doc[1]) + ")").asBoolean();
        if (!here && e.url() != null && !e.url().equals(page.url)) navigate(e.url());
    }

    @Override
    public void dismissNotification(Notification notification) {
        tray.take(notification);
        signals.bump();
    }

    @Override
    public void clearNotifications() {
        tray.clear();
        signals.bump();
    }

    @Override
    public byte[] screenshotPng() {
        JsonNode r = signals.page().send("Page.captureScreenshot", obj("format", "png"), 30_000);
        return Base64.getDecoder().decode(r.path("data").asText());
    }

    /** The Chromium product version ({@code 156.0.8078.79}). */
    String chromeVersion() {
        return chromeVersion;
    }

    @Override
    public void close() {
        signals.close();
        cdp.close();
    }
}
