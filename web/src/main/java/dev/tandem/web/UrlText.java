package dev.tandem.web;

/**
 * A URL as messages quote it: whole when short, else its start and its length. A data: URL can
 * run to kilobytes, and a failure line that repeats it is unreadable.
 */
final class UrlText {
    static final int HEAD = 80;

    private UrlText() {}

    static String shorten(String url) {
        if (url == null || url.length() <= HEAD + 20) return url;
        return url.substring(0, HEAD) + "…(" + url.length() + " chars)";
    }
}
