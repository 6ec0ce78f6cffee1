package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import dev.tandem.protocol.runner.Timings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This boot's knowledge of its commands, and the durable evidence of earlier boots.
 *
 * <p>Retention in memory: full records (with results) of the last {@value #MAX_RECORDS} ended
 * commands, fewer when their results pass {@value #MAX_RECORD_BYTES} bytes; after that only the
 * final state and error code, for the last {@value #MAX_STATUSES} commands. Commands not ended are
 * never evicted. On disk: every {@code started} and every end, results up to
 * {@value #MAX_DURABLE_RESULT_CHARS} characters (see {@link JournalFile} for its own limits).
 */
final class CommandJournal {
    static final int MAX_RECORDS = 1_000;
    static final long MAX_RECORD_BYTES = 4L << 20;
    static final int MAX_STATUSES = 50_000;
    /** Larger results are left out of the journal file (the state still goes in). */
    static final int MAX_DURABLE_RESULT_CHARS = 4 * 1024;

    /** What {@link #admit} found. */
    sealed interface Admission permits Fresh, Known {}

    /** A new command, now {@code accepted}: the caller runs it. */
    record Fresh(Entry entry) implements Admission {}

    /** The id is already known: never run it again, answer with its record. */
    record Known(Entry entry) implements Admission {}

    /** What is left of an evicted record. */
    private record Ended(CommandState state, ErrorCode code) {}

    private final String bootId;
    private final Path dir;
    private final JournalFile file;
    private final Map<String, Entry> entries = new HashMap<>();
    private final ArrayDeque<String> endedOrder = new ArrayDeque<>();
    private final LinkedHashMap<String, Ended> statuses = new LinkedHashMap<>();
    private long recordBytes;

    /** @param dir this device's journal directory ({@code journal/<device>}); null keeps nothing on disk */
    CommandJournal(String bootId, Path dir, Durability durability) throws IOException {
        this.bootId = bootId;
        this.dir = dir;
        this.file = durability == Durability.NONE || dir == null ? null : JournalFile.create(dir, bootId, durability);
    }

    String bootId() {
        return bootId;
    }

    /** Registers a new command, or returns what this boot already holds for the id. */
    synchronized Admission admit(CommandEnvelope envelope) {
        Entry known = entries.get(envelope.id());
        if (known != null) return new Known(known);
        Ended gone = statuses.get(envelope.id());
        if (gone != null) return new Known(evictedStub(envelope, gone));
        Entry e = new Entry(envelope, bootId);
        entries.put(envelope.id(), e);
        return new Fresh(e);
    }

    /**
     * Cancels an id this boot has never seen, so that the command, if it arrives later, is never
     * run (a cancel may overtake its command on another connection). Returns the known entry otherwise.
     */
    Entry cancelUnseen(String id) {
        Entry e;
        synchronized (this) {
            Entry known = entries.get(id);
            if (known != null || statuses.containsKey(id)) return known;
            e = new Entry(new CommandEnvelope(id, bootId, null, null, 0), bootId);
            entries.put(id, e);
        }
        ended(e, null, new ErrorInfo(ErrorCode.CANCELLED, ErrorCode.CANCELLED.hint()));
        return e;
    }

    /** Records {@code started}: on disk (per the durability) before this returns, so before the effect. */
    void started(Entry e) throws IOException {
        long now = System.currentTimeMillis();
        if (file != null) file.append(new JournalLine(e.id(), "started", now, e.envelope.kind(), null, null));
        e.markStarted(now);
    }

    /** Records the end: on disk first, then visible to waiters and the reply. */
    void ended(Entry e, JsonNode result, ErrorInfo error) {
        long now = System.currentTimeMillis();
        int resultChars = result == null ? 0 : result.toString().length();
        if (file != null) {
            JsonNode durable = result != null && resultChars <= MAX_DURABLE_RESULT_CHARS ? result : null;
            try {
                file.append(new JournalLine(e.id(), error == null ? "completed" : "failed", now, e.envelope.kind(),
                        durable, error));
            } catch (IOException io) {
                // disk full or gone: the reply still carries the outcome; a successor would say unknown
                System.err.println("journal: cannot record the end of " + e.id() + ": " + io);
            }
        }
        e.end(result, error, now, resultChars);
        synchronized (this) {
            endedOrder.addLast(e.id());
            recordBytes += e.weight();
            evict();
        }
    }

    private void evict() {
        while (endedOrder.size() > MAX_RECORDS || (recordBytes > MAX_RECORD_BYTES && endedOrder.size() > 1)) {
            String id = endedOrder.pollFirst();
            Entry gone = entries.remove(id);
            if (gone == null) continue;
            recordBytes -= gone.weight();
            statuses.put(id, new Ended(gone.state(), gone.error() == null ? null : gone.error().code()));
        }
        Iterator<String> it = statuses.keySet().iterator();
        while (statuses.size() > MAX_STATUSES && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    synchronized Entry entry(String id) {
        return entries.get(id);
    }

    /** The record of a command of this boot (askedBoot null or this boot) or of an earlier one. */
    CommandRecord lookup(String id, String askedBoot) {
        if (askedBoot == null || askedBoot.isEmpty() || askedBoot.equals(bootId)) {
            synchronized (this) {
                Entry e = entries.get(id);
                if (e != null) return e.record();
                Ended s = statuses.get(id);
                if (s != null) return evictedStub(new CommandEnvelope(id, bootId, null, null, 0), s).record();
            }
            return CommandRecord.notAccepted(id, bootId);
        }
        return switch (JournalFile.find(dir, askedBoot, id)) {
            // no journal for that boot: the evidence is gone
            case JournalFile.NoJournal n -> new CommandRecord(id, askedBoot, null, CommandState.UNKNOWN, null, null, Timings.NONE);
            case JournalFile.Absent a -> CommandRecord.notAccepted(id, askedBoot);
            case JournalFile.Line l -> fromLine(l.line(), askedBoot);
        };
    }

    private static CommandRecord fromLine(JournalLine line, String boot) {
        return switch (line.s()) {
            case "completed" -> new CommandRecord(line.id(), boot, line.k(), CommandState.COMPLETED, line.r(), null,
                    new Timings(null, null, line.t()));
            case "failed" -> new CommandRecord(line.id(), boot, line.k(), CommandState.FAILED, null, line.e(),
                    new Timings(null, null, line.t()));
            // started and never ended: the runner died in between
            default -> new CommandRecord(line.id(), boot, line.k(), CommandState.UNKNOWN, null, null,
                    new Timings(null, line.t(), null));
        };
    }

    private Entry evictedStub(CommandEnvelope envelope, Ended gone) {
        Entry stub = new Entry(envelope, bootId);
        if (gone.state() == CommandState.COMPLETED) {
            stub.end(null, null, System.currentTimeMillis(), 0);
        } else {
            ErrorCode code = gone.code() == null ? ErrorCode.INTERNAL : gone.code();
            stub.end(null, new ErrorInfo(code, "command " + envelope.id() + " failed with " + code
                    + " earlier; its details are no longer retained"), System.currentTimeMillis(), 0);
        }
        return stub;
    }

    void close() {
        if (file == null) return;
        try {
            file.close();
        } catch (IOException ignored) {
            // closing at exit; nothing left to protect
        }
    }
}
