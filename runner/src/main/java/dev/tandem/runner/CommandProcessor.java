package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.device.Backend;
import dev.tandem.device.CommandContext;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ToolTraits;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs commands through their lifecycle (docs/runner-protocol.md): admit (a known id is never run
 * again), wait for the device, record {@code started} durably, execute, record the end. Mutating
 * commands run one at a time; read-only ones (snapshots, assertions) may run beside them.
 */
final class CommandProcessor {
    /** Extra time a resend waits for the original beyond its own timeout. */
    static final long RESEND_GRACE_MS = 5_000;

    private final Backend backend;
    private final CommandJournal journal;
    private final Path artifactsDir;
    private final Faults faults;
    private final DeviceGate gate = new DeviceGate();

    /** The outcome of a submit: the record, and whether to drop the connection instead of replying. */
    record Outcome(CommandRecord record, boolean dropConnection) {}

    CommandProcessor(Backend backend, CommandJournal journal, Path artifactsDir, Faults faults) {
        this.backend = backend;
        this.journal = journal;
        this.artifactsDir = artifactsDir;
        this.faults = faults;
    }

    Outcome submit(CommandEnvelope env) throws InterruptedException {
        Optional<FaultPoint> fault = faults.take(env.params());
        faults.at(FaultPoint.BEFORE_ACCEPT, fault);
        CommandJournal.Admission admission = journal.admit(env);
        if (admission instanceof CommandJournal.Known known) {
            return new Outcome(awaitEnd(known.entry(), timeoutMs(env, null) + RESEND_GRACE_MS), false);
        }
        Entry entry = ((CommandJournal.Fresh) admission).entry();
        faults.at(FaultPoint.AFTER_ACCEPT, fault);
        Tool tool = Tool.byName(env.kind()).filter(t -> t.traits().executor() == ToolTraits.Executor.RUNNER).orElse(null);
        if (tool == null) {
            journal.ended(entry, null, new ErrorInfo(ErrorCode.BAD_PARAMS, "'" + env.kind()
                    + "' is not a command a device runner executes; it was not run"));
            return new Outcome(entry.record(), false);
        }
        long timeoutMs = timeoutMs(env, tool);
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        boolean exclusive = tool.traits().mutates(env.params());
        if (exclusive) {
            ErrorInfo refused = switch (gate.acquire(entry, deadline)) {
                case ACQUIRED -> null;
                case CANCELLED -> cancelledBeforeStart();
                case TIMED_OUT -> new ErrorInfo(ErrorCode.STEP_TIMEOUT, "the device stayed busy with another command for "
                        + timeoutMs + " ms, so " + tool + " was not run; raise the step's timeout or check the other command");
            };
            if (refused != null) {
                journal.ended(entry, null, refused);
                return new Outcome(entry.record(), false);
            }
        }
        try {
            if (!entry.beginStart()) {
                journal.ended(entry, null, cancelledBeforeStart());
                return new Outcome(entry.record(), false);
            }
            try {
                journal.started(entry);
            } catch (IOException e) {
                journal.ended(entry, null, new ErrorInfo(ErrorCode.RUNNER_FAILED, "cannot record " + tool
                        + " in the runner's journal (" + e.getMessage() + "), so it was not run; check free disk space"));
                return new Outcome(entry.record(), false);
            }
            faults.at(FaultPoint.AFTER_START, fault);
            execute(entry, tool, deadline, fault);
        } finally {
            if (exclusive) gate.release();
        }
        faults.at(FaultPoint.AFTER_COMPLETE, fault);
        return new Outcome(entry.record(), fault.orElse(null) == FaultPoint.DROP_AFTER_COMPLETE);
    }

    private static long timeoutMs(CommandEnvelope env, Tool tool) {
        if (env.timeoutMs() > 0) return env.timeoutMs();
        return tool != null ? tool.traits().defaultTimeoutMs() : Tool.PING.traits().defaultTimeoutMs();
    }

    private static ErrorInfo cancelledBeforeStart() {
        return new ErrorInfo(ErrorCode.CANCELLED, ErrorCode.CANCELLED.hint());
    }

    private void execute(Entry entry, Tool tool, long deadline, Optional<FaultPoint> fault) throws InterruptedException {
        CommandContext ctx = new CommandContext(deadline, entry::cancelRequested, artifactsDir);
        JsonNode result = null;
        ErrorInfo error = null;
        try {
            result = backend.runCommand(tool, entry.envelope.params(), ctx);
        } catch (TandemException e) {
            error = e.info();
        } catch (InterruptedException e) {
            journal.ended(entry, null, new ErrorInfo(ErrorCode.CANCELLED, tool + " was interrupted: the runner is stopping"));
            throw e;
        } catch (RuntimeException e) {
            e.printStackTrace();
            error = new ErrorInfo(ErrorCode.INTERNAL, tool + " failed inside the runner: " + e);
        }
        if (error != null && error.code() != ErrorCode.CANCELLED && entry.cancelRequested()) {
            error = new ErrorInfo(ErrorCode.CANCELLED, tool + " was cancelled while running: " + error.message());
        }
        faults.at(FaultPoint.AFTER_EFFECT, fault);
        journal.ended(entry, result, error);
    }

    private static CommandRecord awaitEnd(Entry entry, long waitMs) throws InterruptedException {
        try {
            return entry.done.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return entry.record();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Best-effort cancellation. Before {@code started} the command never runs (also when the id is
     * not here yet: it is recorded cancelled, so a late arrival is not run); while running, its
     * waits stop; after its end, nothing changes.
     */
    CommandRecord cancel(String id) {
        Entry e = journal.entry(id);
        if (e == null) e = journal.cancelUnseen(id);
        if (e == null) return journal.lookup(id, null);
        if (e.requestCancel()) gate.wake();
        return e.record();
    }

    CommandRecord status(String id, String bootId) {
        return journal.lookup(id, bootId);
    }
}
