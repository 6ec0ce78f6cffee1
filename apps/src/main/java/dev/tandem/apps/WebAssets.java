package dev.tandem.apps;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The web twins' static files, served from the classpath folder {@code dev/tandem/apps/web/}. */
final class WebAssets {
    static final String ROOT = "/dev/tandem/apps/web/";
    /** Plain relative paths only: no "..", no hidden files, no backslashes. */
    private static final Pattern SAFE = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    private WebAssets() {}

    record Asset(String contentType, byte[] bytes) {}

    static Optional<Asset> read(String relative) throws IOException {
        if (!SAFE.matcher(relative).matches() || relative.contains("..")) return Optional.empty();
        try (InputStream in = WebAssets.class.getResourceAsStream(ROOT + relative)) {
            if (in == null) return Optional.empty();
            return Optional.of(new Asset(contentType(relative), in.readAllBytes()));
        }
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
