package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
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
 * <p>Retention: full records (with results) for the most recent {@value #MAX_RECORDS} commands or
 * {@value #MAX_RECORD_BYTES} bytes of results, whichever is smaller; after that only the final
 * state is kept, for the most recent {@value #MAX_STATUSES} commands. Commands still running are
 * never evicted. Earlier boots are answered from their journal files.
 */
final class CommandJournal {
    static final int MAX_RECORDS = 2_000;
    static final long MAX_RECORD_BYTES = 16L << 20;
    static final int MAX_STATUSES = 200_000;
    /** Results larger than this are not written to the journal file; the state still is. */
    static final int MAX_DURABLE_RESULT_CHARS = 64 * 1024;

    /** What {@link #admit} found. */
    sealed interface Admission permits Fresh, Known {}

    record Fresh(Entry entry) implements Admission {}

    record Known(Entry entry) implements Admission {}

    private final String bootId;
    private final Path dir;
    private final JournalFile file;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private final ArrayDeque<String> endedOrder = new ArrayDeque<>();
    private final LinkedHashMap<String, CommandState> statuses = new LinkedHashMap<>();
    private final Map<String, Map<String, JournalLine>> earlierBoots = new HashMap<>();
    private long recordBytes;

    CommandJournal(String bootId, Path dir, Durability durability) throws IOException {
        this.bootId = bootId;
        this.dir = dir;
        this.file = durability == Durability.NONE || dir == null ? null : JournalFile.create(dir, bootId, durability);
    }

    /** Registers a new command, or returns the entry already holding this id. */
    synchronized Admission admit(CommandEnvelope envelope) {
        Entry known = entries.get(envelope.id());
        if (known != null) return new Known(known);
        if (statuses.containsKey(envelope.id())) {
            // evicted: only its state remains; never execute it again
            Entry stub = new Entry(envelope, bootId);
            stub.end(null, new ErrorInfo(dev.tandem.protocol.ErrorCode.INTERNAL,
                    "command " + envelope.id() + " already ended (" + statuses.get(envelope.id()).wire()
                            + "); its result is no longer retained"), System.currentTimeMillis());
            return new Known(stub);
        }
        Entry e = new Entry(envelope, bootId);
        entries.put(envelope.id(), e);
        return new Fresh(e);
    }

    /** Records {@code started}: on disk before this returns, so it precedes the side effect. */
    void started(Entry e) throws IOException {
        long now = System.currentTimeMillis();
        if (file != null) file.append(new JournalLine(e.envelope.id(), "started", now, e.envelope.kind(), null, null));
        e.markStarted(now);
    }

    /** Records the end: on disk first, then visible to waiters. */
    void ended(Entry e, JsonNode result, ErrorInfo error) {
        long now = System.currentTimeMillis();
        if (file != null && e.state() == CommandState.STARTED) {
            JsonNode durable = result != null && result.toString().length() <= MAX_DURABLE_RESULT_CHARS ? result : null;
            try {
                file.append(new JournalLine(e.envelope.id(), error == null ? "completed" : "failed", now,
                        e.envelope.kind(), durable, error));
            } catch (IOException io) {
                // disk full or gone: the reply still carries the outcome; a successor would say unknown
                System.err.println("journal: cannot record end of " + e.envelope.id() + ": " + io);
            }
        }
        e.end(result, error, now);
        synchronized (this) {
            endedOrder.addLast(e.envelope.id());
            recordBytes += e.weight();
            evict();
        }
    }

    private void evict() {
        while (endedOrder.size() > MAX_RECORDS || recordBytes > MAX_RECORD_BYTES) {
            String id = endedOrder.pollFirst();
            Entry gone = entries.remove(id);
            if (gone == null) continue;
            recordBytes -= gone.weight();
            statuses.put(id, gone.state());
        }
        Iterator<String> it = statuses.keySet().iterator();
        while (statuses.size() > MAX_STATUSES && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    synchronized Entry running(String id) {
        return entries.get(id);
    }

    /** The record of a command of this boot or an earlier one (DESIGN §4 status query). */
    synchronized CommandRecord lookup(String id, String askedBoot) {
        if (askedBoot == null || askedBoot.equals(bootId)) {
            Entry e = entries.get(id);
            if (e != null) return e.record();
            CommandState s = statuses.get(id);
            if (s != null) return new CommandRecord(id, bootId, null, s, null, null, Timings.NONE);
            return CommandRecord.notAccepted(id, bootId);
        }
        Map<String, JournalLine> boot = earlierBoots.computeIfAbsent(askedBoot, b -> dir == null ? null : JournalFile.read(dir, b));
        if (boot == null) {
            // no journal for that boot: the evidence is gone
            return new CommandRecord(id, askedBoot, null, CommandState.UNKNOWN, null, null, Timings.NONE);
        }
        JournalLine line = boot.get(id);
        if (line == null) return CommandRecord.notAccepted(id, askedBoot);
        return switch (line.s()) {
            case "completed" -> new CommandRecord(id, askedBoot, line.k(), CommandState.COMPLETED, line.r(), null,
                    new Timings(null, null, line.t()));
            case "failed" -> new CommandRecord(id, askedBoot, line.k(), CommandState.FAILED, null, line.e(),
                    new Timings(null, null, line.t()));
            default -> new CommandRecord(id, askedBoot, line.k(), CommandState.UNKNOWN, null, null,
                    new Timings(null, line.t(), null));
        };
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
