package dev.tandem.daemon.sources.grid;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lets a session request go to the Grid only when the Grid has a free slot for it that none of
 * this source's requests in flight is about to take: the Grid queues a request for a busy slot,
 * and Tandem's allocator has already waited its bound, so a request never waits in the Grid's queue
 * behind other clients' sessions. A request that finds the free slots claimed by its own source's
 * requests in flight waits (bounded) for one of those to finish and looks again (the Grid lists a
 * session while it starts, so one may be counted twice until then).
 */
public final class SlotGate {
    private final GridClient grid;
    private final long timeoutMs;
    private int inFlight;

    /** Why a request may not go: the Grid's slots are taken by other clients, or the Grid is not answering. */
    public static final class Busy extends Exception {
        Busy(String message) {
            super(message, null, false, false);
        }
    }

    public SlotGate(GridClient grid, long timeoutMs) {
        this.grid = grid;
        this.timeoutMs = timeoutMs;
    }

    /** Takes a free slot for a request to come; {@link #done()} gives the claim back once the Grid answered it. */
    public synchronized void enter(Map<String, Object> stereotype) throws Busy, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            GridStatus s;
            try {
                s = grid.status(java.time.Duration.ofSeconds(3));
            } catch (IOException e) {
                throw new Busy("the Grid " + grid.base() + " is not answering (" + e.getMessage() + "); start it or check the URL in devices.yaml");
            }
            if (s.free(stereotype) - inFlight > 0) {
                inFlight++;
                return;
            }
            long left = deadline - System.nanoTime();
            if (inFlight == 0 || left <= 0) {
                throw new Busy("the Grid " + grid.base() + " has no free " + stereotype + " slot (" + s.capacity(stereotype)
                        + " on nodes that are up, all in use by this or other clients); wait for them, or add nodes");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    public synchronized void done() {
        inFlight--;
        notifyAll();
    }
}
