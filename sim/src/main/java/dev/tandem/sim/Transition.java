package dev.tandem.sim;

import java.util.List;

/**
 * A screen transition in progress, computed from the clock on every read (no animation thread):
 * the outgoing screen slides out while the incoming one slides in, frame by frame.
 *
 * @param direction +1 forward (incoming from the right), -1 back (incoming from the left)
 * @param outgoing what was on screen when it started, frozen
 */
record Transition(long startNanos, long durationNanos, int direction, List<Layer> outgoing) {
    static final long FRAME_NANOS = 16_000_000L;
    /** uiVersion reserves 6 bits for the frame number. */
    static final int MAX_FRAMES = 63;

    int frames() {
        return (int) Math.max(1, Math.min(MAX_FRAMES, (durationNanos + FRAME_NANOS - 1) / FRAME_NANOS));
    }

    /** The frame shown at {@code now}: 0 at the start, {@link #frames()} once finished. */
    int frameAt(long now) {
        long elapsed = now - startNanos;
        if (elapsed <= 0) return 0;
        return (int) Math.min(frames(), elapsed * frames() / durationNanos);
    }

    boolean finishedAt(long now) {
        return frameAt(now) >= frames();
    }

    /** When the frame after the one at {@code now} starts. */
    long nextFrameAt(long now) {
        int f = frameAt(now);
        return startNanos + (f + 1) * durationNanos / frames();
    }

    /** Horizontal offsets (dp) of the incoming and outgoing screens at {@code now}. */
    int incomingDx(long now, int width) {
        int f = frameAt(now);
        return (int) Math.round(direction * (double) width * (frames() - f) / frames());
    }

    int outgoingDx(long now, int width) {
        int f = frameAt(now);
        return (int) Math.round(-direction * (double) width * f / frames());
    }
}
