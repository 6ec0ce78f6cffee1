package dev.tandem.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The page's requests in flight, from the Network domain's events, for settling: the screen is not
 * settled while a request is open or one finished a moment ago (its handler is still rendering).
 * Long-polls are not work in progress: a request with a {@code waitMs} query parameter, an
 * EventSource, or anything open longer than {@link #LONG_POLL_AFTER_NS} is ignored.
 */
final class NetworkTracker {
    static final long LONG_POLL_AFTER_NS = 1_000_000_000L;
    /** After the last response, the page gets this long to act on it before we call it quiet. */
    static final long QUIET_AFTER_NS = 20_000_000L;
    private static final Pattern LONG_POLL_URL = Pattern.compile("[?&]waitMs=");

    private record Request(long startedAt, boolean longPoll) {}

    private final Map<String, Request> inFlight = new ConcurrentHashMap<>();
    private volatile long lastEnd = Long.MIN_VALUE / 2;

    void started(String requestId, String url, String type) {
        boolean longPoll = "EventSource".equals(type) || "WebSocket".equals(type) || (url != null && LONG_POLL_URL.matcher(url).find());
        // A redirect reuses the id: keep the first start time, so the 1 s rule counts from the start.
        inFlight.merge(requestId, new Request(System.nanoTime(), longPoll), (old, fresh) -> old);
    }

    /** Returns whether the finished request counted (a tracked, short one). */
    boolean finished(String requestId) {
        Request r = inFlight.remove(requestId);
        if (r == null || r.longPoll) return false;
        long now = System.nanoTime();
        if (now - r.startedAt >= LONG_POLL_AFTER_NS) return false;
        lastEnd = now;
        return true;
    }

    /** True while a short request is open, or one ended less than {@link #QUIET_AFTER_NS} ago. */
    boolean busy(long now) {
        if (now - lastEnd < QUIET_AFTER_NS) return true;
        for (Request r : inFlight.values()) {
            if (!r.longPoll && now - r.startedAt < LONG_POLL_AFTER_NS) return true;
        }
        return false;
    }

    /** How many short requests are open (diagnostics). */
    int open(long now) {
        int n = 0;
        for (Request r : inFlight.values()) if (!r.longPoll && now - r.startedAt < LONG_POLL_AFTER_NS) n++;
        return n;
    }

    /** A new page: forget the old one's requests. */
    void reset() {
        inFlight.clear();
        lastEnd = Long.MIN_VALUE / 2;
    }
}
