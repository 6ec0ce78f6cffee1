package dev.tandem.device;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * What a device source that owns a remote browser (a Selenium Grid session, docs/grid.md) tells a
 * web runner, carried in {@link DeviceSpec#options()}: the browser's DevTools endpoint, which the
 * runner drives instead of starting a local Chromium. The source opened the browser and closes it;
 * the runner only connects. The typed seam between the daemon's grid source and the web backend.
 *
 * @param cdp the browser-level DevTools WebSocket ({@code ws://} or {@code wss://}), e.g. a Grid's
 *     {@code /session/ID/se/cdp}
 * @param where who holds the browser, for messages ("Grid http://lab:4444, session 9c0b…")
 */
public record RemoteBrowser(URI cdp, String where) {
    private static final String CDP = "web.remote.cdp";
    private static final String WHERE = "web.remote.where";

    public Map<String, String> toOptions() {
        Map<String, String> o = new HashMap<>();
        o.put(CDP, cdp.toString());
        o.put(WHERE, where);
        return o;
    }

    /** The remote browser the options name, or null: the runner starts its own Chromium. */
    public static RemoteBrowser fromOptions(Map<String, String> o) {
        String cdp = o.get(CDP);
        if (cdp == null || cdp.isBlank()) return null;
        return new RemoteBrowser(URI.create(cdp), o.getOrDefault(WHERE, cdp));
    }
}
