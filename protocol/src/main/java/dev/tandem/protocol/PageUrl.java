package dev.tandem.protocol;

import java.util.List;
import java.util.Locale;

/**
 * What {@code launchApp url} accepts, checked the way a browser's address bar would take it:
 * leniently (an unencoded {@code data:text/html,<h1>Hi</h1>} is fine, the browser encodes it),
 * but a URL no browser could open is refused. Plan validation and the web backend share this one
 * check, so whatever fails at run time for its form fails at {@code tandem validate} already.
 */
public final class PageUrl {
    /** Schemes a page can be opened with. */
    public static final List<String> SCHEMES = List.of("http", "https", "data", "file", "about");

    private PageUrl() {}

    /** Why the URL cannot be opened, as the end of a sentence; null when it can. */
    public static String problem(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) return "it is empty";
        int colon = u.indexOf(':');
        if (colon <= 0 || !u.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return "it has no scheme (such as https:)";
        }
        String scheme = u.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = u.substring(colon + 1);
        return switch (scheme) {
            case "http", "https" -> network(rest);
            case "data" -> rest.indexOf(',') < 0 ? "a data: URL needs a comma before its content, as in data:text/html,<h1>Hi</h1>" : null;
            case "file" -> rest.startsWith("/") ? null : "a file: URL needs an absolute path, as in file:///tmp/page.html";
            case "about" -> rest.isEmpty() ? "an about: URL needs a page name, as in about:blank" : null;
            default -> "its scheme '" + clip(scheme) + "' is not one a page opens with; use one of " + String.join(", ", SCHEMES);
        };
    }

    /** The URL as handed to the browser: surrounding blanks removed, nothing else touched. */
    public static String normalize(String url) {
        return url.strip();
    }

    /** {@code //host[:port]...}: a host is required; a port, when given, is 1..65535. */
    private static String network(String rest) {
        if (!rest.startsWith("//")) return "an http(s) URL needs '//' and a host, as in https://example.com/page";
        String authority = rest.substring(2).split("[/?#]", 2)[0];
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host = hostPort;
        String port = null;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) return "its IPv6 host has no closing ']'";
            host = hostPort.substring(0, end + 1);
            if (end + 1 < hostPort.length()) {
                if (hostPort.charAt(end + 1) != ':') return "unexpected text after its IPv6 host";
                port = hostPort.substring(end + 2);
            }
        } else if (hostPort.lastIndexOf(':') >= 0) {
            host = hostPort.substring(0, hostPort.lastIndexOf(':'));
            port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
        }
        if (host.isEmpty()) return "it has no host, as in https://example.com/page";
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || "<>\"{}|\\^`".indexOf(c) >= 0)) {
            return "its host '" + clip(host) + "' contains a character no host name can hold";
        }
        if (port != null && !port.isEmpty()) {
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return "its port '" + clip(port) + "' is not a number from 1 to 65535";
            }
        }
        return null;
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
