package dev.tandem.web;

import dev.tandem.device.Backend;
import dev.tandem.device.BackendProvider;
import dev.tandem.device.DeviceSpec;
import dev.tandem.device.PlatformRow;
import dev.tandem.device.RemoteBrowser;
import dev.tandem.protocol.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The {@code web} platform: a real headless Chromium per device, with a mobile (or desktop)
 * profile from {@link WebProfile}. Chromium is {@code TANDEM_CHROMIUM}, else {@code chromium},
 * {@code chromium-browser} or {@code google-chrome} on the PATH; without it, CHROMIUM_MISSING.
 */
public final class WebBackendProvider implements BackendProvider {
    private static final long CONNECT_TIMEOUT_MS = 10_000;
    /** A remote browser's node may die behind a proxy that keeps the WebSocket open: asked every second, lost after 5 s of silence. */
    private static final long LIVENESS_PERIOD_MS = 1_000;
    private static final long LIVENESS_TIMEOUT_MS = 5_000;
    private static volatile Map<String, String> identity;

    @Override
    public String platform() {
        return Platform.WEB.name();
    }

    /** No: Chromium and its profile live and die with the runner. */
    @Override
    public boolean deviceStateSurvivesRunnerRestart() {
        return false;
    }

    @Override
    public java.util.List<String> profiles() {
        return WebProfile.names();
    }

    /** The web runner needs Chromium on the host; trained on a blank page; every tool. */
    @Override
    public PlatformRow row() {
        return PlatformRow.jvmRunner(Platform.WEB, java.util.List.of("tandem-web-"), java.util.List.of("chromium"),
                java.util.List.of(PlatformRow.cmd("ping", Map.of()), PlatformRow.cmd("observe", Map.of()),
                        PlatformRow.cmd("screenshot", Map.of("name", "prepare"))));
    }

    @Override
    public Backend open(DeviceSpec spec) {
        WebProfile profile = WebProfile.of(spec.profile()); // a bad profile fails before Chromium starts
        RemoteBrowser remote = RemoteBrowser.fromOptions(spec.options());
        if (remote != null) return openRemote(spec, profile, remote);
        Path binary = ChromiumBinary.locate(System.getenv());
        Thread.startVirtualThread(WebBackendProvider::warmUp); // overlaps Chromium's start-up
        ChromiumProcess chromium = ChromiumProcess.start(binary, spec.workDir());
        try {
            CdpClient cdp = CdpClient.connect(chromium.browserUrl(), CONNECT_TIMEOUT_MS, () -> chromium.isAlive()
                    ? "Chromium (pid " + chromium.pid() + ") is still running."
                    : "Chromium (pid " + chromium.pid() + ") has exited; its log ends: " + chromium.logTail());
            return backend(spec, profile, cdp, chromium);
        } catch (RuntimeException e) {
            chromium.close();
            throw failedStart(spec, "", e);
        }
    }

    /** The device on a connected browser ({@code chromium} null: a remote one). */
    private static Backend backend(DeviceSpec spec, WebProfile profile, CdpClient cdp, ChromiumProcess chromium) {
        String product = cdp.send("Browser.getVersion", null, null).path("product").asText();
        String version = product.substring(product.indexOf('/') + 1);
        return new WebBackend(chromium, new WebDevice(cdp, spec.deviceId(), profile, version, spec.options(), spec.workDir()));
    }

    private static TandemException failedStart(DeviceSpec spec, String where, RuntimeException e) {
        return e instanceof TandemException t ? t : new TandemException(ErrorCode.RUNNER_FAILED,
                "web device " + spec.deviceId() + where + " failed to start: " + e, e);
    }

    /**
     * A browser another party started (a Grid session the daemon opened): the same device over its
     * DevTools endpoint; nothing to start or kill here. Its loss fails commands with DEVICE_LOST.
     */
    private static Backend openRemote(DeviceSpec spec, WebProfile profile, RemoteBrowser remote) {
        Thread.startVirtualThread(WebBackendProvider::warmUp);
        CdpClient cdp = CdpClient.connect(remote.cdp(), CONNECT_TIMEOUT_MS, () -> "The browser is " + remote.where() + ".",
                ErrorCode.DEVICE_LOST, "Check that the node is up (the Grid's /status), then rerun: the next run opens a new session.");
        cdp.watchLiveness(LIVENESS_PERIOD_MS, LIVENESS_TIMEOUT_MS);
        try {
            return backend(spec, profile, cdp, null);
        } catch (RuntimeException e) {
            cdp.close();
            throw failedStart(spec, " on " + remote.where(), e);
        }
    }

    /** Loads and exercises the code the first commands need (JSON, the agent, the tree) in a fresh JVM. */
    static void warmUp() {
        try {
            JsonNode node = Json.MAPPER.readTree("{\"id\":1,\"result\":{\"result\":{\"value\":\"{\\\"n\\\":[]}\"}}}");
            Json.text(PageSession.obj("expression", PageSession.AGENT_SOURCE.substring(0, 10), "returnByValue", true));
            SnapshotReader.tree(Json.MAPPER.readTree("[[\"button\",\"id\",\"t\",null,0,0,1,1,1,-1]]"), 1, 1);
            MessageDigest.getInstance("SHA-1");
            node.path("result").path("result").path("value").asText();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // only a warm-up: the real calls report real problems
        }
    }

    /** {@code chromium.path} and {@code chromium.version} ({@code --version}), asked once per process. */
    @Override
    public Map<String, String> prepare() {
        Map<String, String> id = identity;
        if (id == null) {
            synchronized (WebBackendProvider.class) {
                if (identity == null) {
                    ChromiumBinary b = ChromiumBinary.identify(System.getenv());
                    identity = Map.of("chromium.path", b.path().toString(), "chromium.version", b.version());
                }
                id = identity;
            }
        }
        return id;
    }
}
