package dev.tandem.daemon.sources.grid;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lets a session request go to the Grid only when the Grid has a free slot for it that none of
 * this source's requests in flight is about to take: the Grid queues a request for a busy slot,
 * and Tandem's allocator has already waited its bound, so a request never waits in the Grid's queue
 * behind other clients' sessions. A request that finds the free slots claimed by its own source's
 * requests in flight waits (bounded) for one of those to finish and looks again (the Grid lists a
 * session while it starts, so one may be counted twice until then). Likewise a request waits for the
 * source's own sessions that are closing (a suite's next plan on a device whose last session's runner
 * is still stopping), and for the Grid to show the slot free just after one of them closed.
 *
 * <p>A {@code /status} that times out is asked again within the same bound: a hub busy starting many
 * Chrome sessions on a loaded host answers late, and that is not a Grid that is down (one that
 * refuses the connection fails the request at once).
 */
public final class SlotGate {
    private final GridClient grid;
    private final long timeoutMs;
    private final Duration statusTimeout;
    private int inFlight;
    /** When this source last closed a session (the Grid's status may show its slot busy a moment longer). */
    private long lastClosed = System.nanoTime() - AFTER_CLOSE_NANOS;
    /** This source's sessions being closed now (their DELETE in flight: the Grid still lists them). */
    private int closingNow;
    static final long AFTER_CLOSE_NANOS = TimeUnit.SECONDS.toNanos(3);
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Why a request may not go: the Grid's slots are taken by other clients, or the Grid is not answering. */
    public static final class Busy extends Exception {
        Busy(String message) {
            super(message, null, false, false);
        }
    }

    public SlotGate(GridClient grid, long timeoutMs) {
        this(grid, timeoutMs, Duration.ofSeconds(3));
    }

    /** @param statusTimeout how long one {@code GET /status} may take before it is asked again (within {@code timeoutMs}) */
    public SlotGate(GridClient grid, long timeoutMs, Duration statusTimeout) {
        this.grid = grid;
        this.timeoutMs = timeoutMs;
        this.statusTimeout = statusTimeout;
    }

    /**
     * Takes a free slot for a request to come; {@link #done()} gives the claim back once the Grid answered it.
     *
     * @param closing how many of this source's own sessions are on their way out now (their slots come free soon)
     */
    public synchronized void enter(Map<String, Object> stereotype, java.util.function.IntSupplier closing) throws Busy, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            GridStatus s;
            try {
                s = grid.status(statusTimeout);
            } catch (IOException e) {
                if (slow(e) && System.nanoTime() < deadline) continue; // connected, but the answer is late: ask again
                throw new Busy("the Grid " + grid.base() + " is not answering (" + e.getMessage() + (slow(e) ? ", asked again for "
                        + timeoutMs + " ms" : "") + "); start it or check the URL in devices.yaml");
            }
            if (s.free(stereotype) - inFlight > 0) {
                inFlight++;
                return;
            }
            long now = System.nanoTime();
            long left = deadline - now;
            boolean soonFree = inFlight > 0 || closingNow > 0 || closing.getAsInt() > 0 || now - lastClosed < AFTER_CLOSE_NANOS;
            if (!soonFree || left <= 0) {
                throw new Busy("the Grid " + grid.base() + " has no free " + stereotype + " slot (" + s.capacity(stereotype)
                        + " on nodes that are up, all in use by this or other clients); wait for them, or add nodes");
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, POLL_NANOS)); // a close elsewhere wakes it; else look again soon
        }
    }

    /** The Grid took the connection and did not answer in time (a loaded hub), as opposed to refusing it or not being reached. */
    private static boolean slow(IOException e) {
        return e.getCause() instanceof HttpTimeoutException && !(e.getCause() instanceof java.net.http.HttpConnectTimeoutException);
    }

    /** One of this source's sessions is being closed: {@link #closed()} follows once the Grid answered. */
    public synchronized void closing() {
        closingNow++;
    }

    /** One of this source's sessions was closed: its slot is free (or about to be on the Grid's status). */
    public synchronized void closed() {
        closingNow--;
        lastClosed = System.nanoTime();
        notifyAll();
    }

    public synchronized void done() {
        inFlight--;
        notifyAll();
    }
}
