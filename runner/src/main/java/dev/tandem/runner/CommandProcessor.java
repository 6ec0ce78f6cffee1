package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.Backend;
import dev.tandem.device.CommandContext;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs commands through their lifecycle: admit (a known id is never run again), wait for the
 * device, record {@code started} durably, execute, record the end. Mutating commands run one at a
 * time; read-only ones (snapshots, assertions) may run beside them.
 */
final class CommandProcessor {
    /** Extra time a resend waits for the original beyond its own timeout. */
    private static final long RESEND_GRACE_MS = 5_000;

    private final Backend backend;
    private final CommandJournal journal;
    private final Path artifactsDir;
    private final ReentrantLock deviceLock = new ReentrantLock(true);

    /** The outcome of a submit: the record, and whether to drop the connection instead of replying. */
    record Outcome(CommandRecord record, boolean dropConnection) {}

    CommandProcessor(Backend backend, CommandJournal journal, Path artifactsDir) {
        this.backend = backend;
        this.journal = journal;
        this.artifactsDir = artifactsDir;
    }

    Outcome submit(CommandEnvelope env) throws InterruptedException {
        Optional<FaultPoint> fault = FaultPoint.armed(env.params());
        FaultPoint.BEFORE_ACCEPT.haltIf(fault);
        Tool tool = Tool.byName(env.kind()).orElse(null);
        CommandJournal.Admission admission = journal.admit(env);
        if (admission instanceof CommandJournal.Known known) {
            return new Outcome(awaitEnd(known.entry(), env.timeoutMs() + RESEND_GRACE_MS), false);
        }
        Entry entry = ((CommandJournal.Fresh) admission).entry();
        FaultPoint.AFTER_ACCEPT.haltIf(fault);
        if (tool == null) {
            journal.ended(entry, null, new ErrorInfo(ErrorCode.BAD_PARAMS, "unknown command kind '" + env.kind() + "'"));
            return new Outcome(entry.record(), false);
        }
        boolean exclusive = tool.traits().mutates(env.params());
        long deadline = System.nanoTime() + Math.max(1, env.timeoutMs()) * 1_000_000L;
        if (exclusive && !deviceLock.tryLock(Math.max(1, env.timeoutMs()), TimeUnit.MILLISECONDS)) {
            journal.ended(entry, null, new ErrorInfo(ErrorCode.STEP_TIMEOUT,
                    "the device stayed busy with another command for " + env.timeoutMs() + " ms"));
            return new Outcome(entry.record(), false);
        }
        try {
            if (entry.cancelRequested) {
                journal.ended(entry, null, new ErrorInfo(ErrorCode.CANCELLED, ErrorCode.CANCELLED.hint()));
                return new Outcome(entry.record(), false);
            }
            try {
                journal.started(entry);
            } catch (IOException e) {
                journal.ended(entry, null, new ErrorInfo(ErrorCode.RUNNER_FAILED,
                        "cannot record the command in the journal (" + e.getMessage() + "); it was not run. Check free disk space."));
                return new Outcome(entry.record(), false);
            }
            FaultPoint.AFTER_START.haltIf(fault);
            execute(entry, tool, deadline, fault);
        } finally {
            if (exclusive) deviceLock.unlock();
        }
        FaultPoint.AFTER_COMPLETE.haltIf(fault);
        return new Outcome(entry.record(), fault.isPresent() && fault.get() == FaultPoint.DROP_AFTER_COMPLETE);
    }

    private void execute(Entry entry, Tool tool, long deadline, Optional<FaultPoint> fault) throws InterruptedException {
        CommandContext ctx = new CommandContext(deadline, () -> entry.cancelRequested, artifactsDir);
        JsonNode result = null;
        ErrorInfo error = null;
        try {
            result = backend.runCommand(tool, entry.envelope.params(), ctx);
        } catch (TandemException e) {
            error = e.info();
        } catch (InterruptedException e) {
            error = new ErrorInfo(ErrorCode.CANCELLED, "the command was interrupted");
            journal.ended(entry, null, error);
            throw e;
        } catch (RuntimeException e) {
            e.printStackTrace();
            error = new ErrorInfo(ErrorCode.INTERNAL, tool + " failed inside the runner: " + e);
        }
        if (error != null && error.code() != ErrorCode.CANCELLED && entry.cancelRequested) {
            error = new ErrorInfo(ErrorCode.CANCELLED, "the command was cancelled while running: " + error.message());
        }
        FaultPoint.AFTER_EFFECT.haltIf(fault);
        journal.ended(entry, result, error);
    }

    private CommandRecord awaitEnd(Entry entry, long waitMs) throws InterruptedException {
        try {
            return entry.done.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return entry.record();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Best-effort cancellation: before {@code started} the command never runs; after, its waits stop. */
    CommandRecord cancel(String id) {
        Entry e = journal.running(id);
        if (e == null) return journal.lookup(id, null);
        if (!e.state().isTerminal()) e.cancelRequested = true;
        return e.record();
    }

    CommandRecord status(String id, String bootId) {
        return journal.lookup(id, bootId);
    }

    boolean idle() {
        return !deviceLock.isLocked();
    }
}
