package dev.tandem.daemon.sources.grid;

import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * A Grid's {@code /status}, read at most once per {@link #MIN_AGE_MS}: everyone who asks within that
 * time (a listing, a waiting run's poll, the next request) shares the last answer, or the last error.
 * One read at a time; each is bounded by the reader's own timeout.
 */
public final class FreshStatus {
    /** How old an answer may be and still be given out instead of asking the Grid again. */
    public static final long MIN_AGE_MS = 1000;

    /** One {@code GET /status}. */
    @FunctionalInterface
    public interface Reader {
        GridStatus read() throws IOException;
    }

    /** What the last read gave: a status, or why there is none. */
    public record Answer(GridStatus status, String error) {
        public boolean answered() {
            return status != null;
        }
    }

    private final Reader reader;
    private final LongSupplier nanos;
    private Answer last;
    private long readAt;

    public FreshStatus(Reader reader, LongSupplier nanos) {
        this.reader = reader;
        this.nanos = nanos;
    }

    /** The Grid's status as of at most {@link #MIN_AGE_MS} ago: read now if the last answer is older. */
    public synchronized Answer get() {
        long now = nanos.getAsLong();
        if (last != null && now - readAt < MIN_AGE_MS * 1_000_000) return last;
        try {
            last = new Answer(reader.read(), null);
        } catch (IOException e) {
            // a refused connection has no message: its type is the reason
            last = new Answer(null, e.getMessage() != null ? e.getMessage() : e.toString());
        }
        readAt = nanos.getAsLong();
        return last;
    }
}
