package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import dev.tandem.protocol.runner.Timings;
import java.util.concurrent.CompletableFuture;

/** One command known to this boot, moving through its states under the journal's control. */
final class Entry {
    final CommandEnvelope envelope;
    final String bootId;
    final CompletableFuture<CommandRecord> done = new CompletableFuture<>();
    volatile boolean cancelRequested;
    private volatile CommandState state = CommandState.ACCEPTED;
    private volatile JsonNode result;
    private volatile ErrorInfo error;
    private final long acceptedAt = System.currentTimeMillis();
    private volatile Long startedAt;
    private volatile Long endedAt;

    Entry(CommandEnvelope envelope, String bootId) {
        this.envelope = envelope;
        this.bootId = bootId;
    }

    CommandState state() {
        return state;
    }

    void markStarted(long at) {
        startedAt = at;
        state = CommandState.STARTED;
    }

    void end(JsonNode result, ErrorInfo error, long at) {
        this.result = result;
        this.error = error;
        this.endedAt = at;
        this.state = error == null ? CommandState.COMPLETED : CommandState.FAILED;
        done.complete(record());
    }

    CommandRecord record() {
        return new CommandRecord(envelope.id(), bootId, envelope.kind(), state, result, error,
                new Timings(acceptedAt, startedAt, endedAt));
    }

    /** Rough retained size, for the journal's memory cap. */
    long weight() {
        return 256 + (result == null ? 0 : result.toString().length());
    }
}
