package dev.tandem.appium;

/**
 * Whether a page source counts as settled: nothing tells Tandem that a phone's UI has stopped
 * moving, so the evidence is equal reads after Tandem's last action ({@link MobilePlatform.Settle}).
 * Not thread-safe: guarded by its device's lock.
 */
final class SourceStability {
    private static final long NEVER = Long.MIN_VALUE;

    private final int reads;
    private final long windowNs;
    /** A post-action read younger than this stands for the screen (snapshot, isSettled) without another round trip. */
    private final long freshNs;
    private long actedAt = System.nanoTime();
    private long firstSeenAt = NEVER;
    private long lastReadAt = NEVER;
    private long lastReadDoneAt = NEVER;
    private int sameReads;

    SourceStability(MobilePlatform.Settle settle) {
        this.reads = settle.reads();
        this.windowNs = settle.window().toNanos();
        this.freshNs = settle.fresh().toNanos();
    }

    /** An action may change the screen at any moment after it: only later reads count. */
    void acted() {
        actedAt = System.nanoTime();
        firstSeenAt = NEVER;
        lastReadAt = NEVER;
        lastReadDoneAt = NEVER;
        sameReads = 0;
    }

    /** A read that started at {@code startedAt} and has just returned; {@code changed} if its source differs. */
    void read(long startedAt, boolean changed) {
        if (startedAt - actedAt < 0) return; // started before the last action: no evidence about after it
        if (changed || firstSeenAt == NEVER) {
            firstSeenAt = startedAt;
            sameReads = 0;
        }
        sameReads++;
        lastReadAt = startedAt;
        lastReadDoneAt = System.nanoTime();
    }

    boolean settled() {
        return sameReads >= reads && lastReadAt - firstSeenAt >= windowNs;
    }

    /** The last post-action read is recent enough to stand for a new one. */
    boolean fresh() {
        return lastReadDoneAt != NEVER && System.nanoTime() - lastReadDoneAt < freshNs;
    }

    /** The platform decides on the next read alone: no reason to wait between reads while settling. */
    boolean noWindow() {
        return windowNs == 0;
    }

    /** How long to wait between reads while settling. */
    long settlePollNs() {
        return Math.max(1, windowNs / 4);
    }
}
