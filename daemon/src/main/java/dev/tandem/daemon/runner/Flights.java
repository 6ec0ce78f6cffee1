package dev.tandem.daemon.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's commands in flight, by id, so that a cancel reaches the runner actually holding the
 * command, and a cancel that overtakes its command (the engine does not order them) stops it
 * before it is sent.
 */
final class Flights {
    /** Cancels for ids not (yet) executing that are remembered; a cancel after the end is one of these. */
    static final int MAX_EARLY_CANCELS = 4_096;

    /** One command in flight. The two volatiles make cancel and send see each other (see {@link RunnerClient}). */
    static final class Flight {
        final String id;
        volatile RunnerHandle handle;
        volatile boolean cancelled;

        Flight(String id) {
            this.id = id;
        }
    }

    private final Map<String, Flight> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Boolean> early = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_EARLY_CANCELS;
        }
    };

    /** Registers the command; its flight starts cancelled when a cancel came first. */
    Flight begin(String id) {
        Flight f = new Flight(id);
        synchronized (early) {
            if (early.remove(id) != null) f.cancelled = true;
            inFlight.put(id, f);
        }
        return f;
    }

    void end(Flight f) {
        inFlight.remove(f.id, f);
    }

    /** Marks the command cancelled; returns its flight, or null when it is not executing now. */
    Flight cancel(String id) {
        synchronized (early) {
            Flight f = inFlight.get(id);
            if (f == null) {
                early.put(id, Boolean.TRUE);
                return null;
            }
            f.cancelled = true;
            return f;
        }
    }
}
