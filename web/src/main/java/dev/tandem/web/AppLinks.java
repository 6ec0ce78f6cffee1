package dev.tandem.web;

import dev.tandem.device.LaunchRequest;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.PageUrl;
import dev.tandem.protocol.TandemException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code launchApp} goes on the web: a {@code url} as given; an {@code appId} configured with
 * the device option {@code app.<appId>=URL}; else a built-in app's web twin,
 * {@code services.apps/<appId>/?room=R&user=U} (the base may also come from the option
 * {@code appsUrl}). Configured URLs may hold {@code {room}} and {@code {user}}.
 */
final class AppLinks {
    /** The built-in apps (dev.tandem.apps' catalog), which exist as web twins. A test pins this list. */
    static final List<String> BUILTIN = List.of(
            "com.chat.app", "com.example.list", "com.example.login", "com.google.android.deskclock", "com.tandem.counter");
    static final String OPTION_PREFIX = "app.";
    static final String APPS_URL_OPTION = "appsUrl";

    private final String deviceId;
    private final Map<String, String> configured = new LinkedHashMap<>();
    private final String appsUrlOption;

    AppLinks(String deviceId, Map<String, String> options) {
        this.deviceId = deviceId;
        options.forEach((k, v) -> {
            if (k.startsWith(OPTION_PREFIX) && k.length() > OPTION_PREFIX.length()) configured.put(k.substring(OPTION_PREFIX.length()), v);
        });
        this.appsUrlOption = options.get(APPS_URL_OPTION);
    }

    List<String> installed() {
        List<String> all = new ArrayList<>(BUILTIN);
        for (String id : configured.keySet()) if (!all.contains(id)) all.add(id);
        return all;
    }

    /** The URL to open. Throws BAD_PARAMS / APP_NOT_INSTALLED with what to do instead. */
    String resolve(LaunchRequest r) {
        String room = r.room() != null ? r.room() : "default";
        String user = r.user() != null ? r.user() : deviceId;
        if (r.appId() == null) {
            if (r.url() == null || r.url().isBlank()) throw new TandemException(ErrorCode.BAD_PARAMS, "launchApp needs 'appId' or 'url'");
            return checkUrl(r.url());
        }
        String mapped = configured.get(r.appId());
        if (mapped != null) return checkUrl(mapped.replace("{room}", enc(room)).replace("{user}", enc(user)));
        if (!BUILTIN.contains(r.appId())) {
            throw new TandemException(ErrorCode.APP_NOT_INSTALLED, "No web app '" + r.appId() + "' on this device. Installed: "
                    + String.join(", ", installed()) + ". Map another app id to a page with the device option "
                    + OPTION_PREFIX + r.appId() + "=URL, or launch it by url.");
        }
        String base = r.services().getOrDefault("apps", appsUrlOption);
        if (base == null || base.isBlank()) {
            throw new TandemException(ErrorCode.BAD_PARAMS, "The web twin of " + r.appId() + " is served by the daemon's apps service,"
                    + " and this launch carries no services.apps URL: run the plan through the daemon (tandem run), or set the"
                    + " device option " + APPS_URL_OPTION + "=http://127.0.0.1:PORT/apps.");
        }
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return base + "/" + r.appId() + "/?room=" + enc(room) + "&user=" + enc(user);
    }

    /** The app a URL belongs to: a twin's app id, a configured app, else the page's host. */
    String appOf(String url) {
        if (url == null || url.isEmpty() || url.startsWith("about:")) return null;
        for (Map.Entry<String, String> e : configured.entrySet()) {
            String prefix = e.getValue().split("[?#{]", 2)[0];
            if (!prefix.isEmpty() && url.startsWith(prefix)) return e.getKey();
        }
        try {
            URI u = URI.create(url);
            String path = u.getPath() == null ? "" : u.getPath();
            for (String id : BUILTIN) if (path.endsWith("/apps/" + id + "/") || path.contains("/apps/" + id + "/")) return id;
            return u.getHost() == null ? url : u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Checked as a browser's address bar takes it (PageUrl), then passed on as written: no strict URI parsing. */
    private static String checkUrl(String url) {
        String problem = PageUrl.problem(url);
        if (problem != null) {
            throw new TandemException(ErrorCode.BAD_PARAMS, "launchApp url '" + UrlText.shorten(url) + "' cannot be opened: " + problem
                    + ". Write it like http://127.0.0.1:8080/page.html or data:text/html,<h1>Hi</h1>");
        }
        return PageUrl.normalize(url);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
