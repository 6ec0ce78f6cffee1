package dev.tandem.web;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the page agent reports about motion, for settling.
 *
 * @param quietMs time since the last DOM mutation or scroll when read
 * @param timers pending short timers (a delayed UI change is coming)
 * @param animations running finite animations and transitions
 * @param requests the page's own fetch/XHR calls in progress (open under 1 s, long-polls excepted)
 * @param atNanos when it was read; {@code version} the device's uiVersion before the read
 */
record PageState(long mutations, long quietMs, int timers, int animations, int requests, String readyState, long atNanos,
        long version) {
    /** DOM mutations and scrolling must have stopped this long (about one frame). */
    static final long QUIET_MS = 20;

    static PageState of(JsonNode s, long atNanos, long version) {
        return new PageState(s.path("m").asLong(), s.path("q").asLong(), s.path("t").asInt(), s.path("a").asInt(),
                s.path("n").asInt(), s.path("r").asText("complete"), atNanos, version);
    }

    /** Settled as of {@code now}: quiet long enough, no pending timer, animation, request or document load. */
    boolean settledAt(long now) {
        long quiet = quietMs + (now - atNanos) / 1_000_000L;
        return timers == 0 && animations == 0 && requests == 0 && quiet >= QUIET_MS && "complete".equals(readyState);
    }
}
