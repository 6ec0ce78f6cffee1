package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import dev.tandem.protocol.runner.Timings;
import java.util.concurrent.CompletableFuture;

/**
 * One command known to this boot, moving through its states under the journal's control.
 * {@link #beginStart()} and {@link #requestCancel()} decide atomically which comes first, so a
 * command cancelled before it starts can never start afterwards.
 */
final class Entry {
    final CommandEnvelope envelope;
    final String bootId;
    final CompletableFuture<CommandRecord> done = new CompletableFuture<>();
    private final long acceptedAt = System.currentTimeMillis();
    private boolean cancelRequested;
    private boolean starting;
    private volatile CommandState state = CommandState.ACCEPTED;
    private volatile JsonNode result;
    private volatile ErrorInfo error;
    private volatile Long startedAt;
    private volatile Long endedAt;
    private long weight;

    Entry(CommandEnvelope envelope, String bootId) {
        this.envelope = envelope;
        this.bootId = bootId;
    }

    String id() {
        return envelope.id();
    }

    CommandState state() {
        return state;
    }

    synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    /** Claims the right to start; false when a cancel came first. */
    synchronized boolean beginStart() {
        if (cancelRequested) return false;
        starting = true;
        return true;
    }

    /** Asks the command to stop; true when it had not begun to start (so it never will). */
    synchronized boolean requestCancel() {
        if (state.isTerminal()) return false;
        cancelRequested = true;
        return !starting;
    }

    void markStarted(long at) {
        startedAt = at;
        state = CommandState.STARTED;
    }

    /** @param resultChars the result's size as JSON text, for the journal's memory cap */
    void end(JsonNode result, ErrorInfo error, long at, int resultChars) {
        this.result = result;
        this.error = error;
        this.endedAt = at;
        this.weight = 256L + resultChars;
        synchronized (this) {
            this.state = error == null ? CommandState.COMPLETED : CommandState.FAILED;
        }
        done.complete(record());
    }

    CommandRecord record() {
        return new CommandRecord(envelope.id(), bootId, envelope.kind(), state, result, error,
                new Timings(acceptedAt, startedAt, endedAt));
    }

    ErrorInfo error() {
        return error;
    }

    /** Rough retained size once ended (for the journal's memory cap). */
    long weight() {
        return weight;
    }
}
