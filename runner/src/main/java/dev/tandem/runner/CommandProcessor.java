package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.device.Backend;
import dev.tandem.device.CommandContext;
import dev.tandem.device.Device;
import dev.tandem.device.Waits;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.StepNote;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ToolTraits;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs commands through their lifecycle (docs/runner-protocol.md): admit (a known id is never run
 * again), wait for the device, record {@code started} durably, execute, record the end. Mutating
 * commands run one at a time; read-only ones (snapshots, assertions) may run beside them.
 */
final class CommandProcessor {
    /** Extra time a resend waits for the original beyond its own timeout. */
    static final long RESEND_GRACE_MS = 5_000;
    /** The longest a command waits for its predecessor's settle after the reply, before its own bound starts. */
    static final long SETTLE_WAIT_MS = Waits.SETTLE_BUDGET_MS + 1_000;

    private final Backend backend;
    private final CommandJournal journal;
    private final Path artifactsDir;
    private final Faults faults;
    private final DeviceGate gate = new DeviceGate();
    /** The last settle after a reply ran out of budget: the next command's result says so. */
    private final AtomicBoolean previousUnsettled = new AtomicBoolean();
    /**
     * Where commands run: reused platform threads. A command's device I/O (an Appium request, a
     * page source) blocks on sockets, and a platform thread is woken by the kernel itself where a
     * virtual one waits for the poller and then a carrier: two hops fewer per request.
     */
    private static final java.util.concurrent.ExecutorService COMMAND_THREADS = java.util.concurrent.Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("command-", 0).factory());

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
        // A settle the previous command handed over is that step's time, not this one's bound: wait
        // for it first, bounded by the settle budget and a read's slack.
        if (gate.awaitSettled(entry, System.nanoTime() + SETTLE_WAIT_MS * 1_000_000L) == DeviceGate.Wait.CANCELLED) {
            journal.ended(entry, null, cancelledBeforeStart());
            return new Outcome(entry.record(), false);
        }
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
        // The device is held until the command's own thread ends, which may be after its record
        // ended at the deadline: the next mutating command never runs beside a late one.
        Runnable free = exclusive ? gate::release : () -> { };
        boolean handedOver = false;
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
            handedOver = true;
            execute(entry, tool, timeoutMs, deadline, fault, free, exclusive && env.settleAfterReply());
        } finally {
            if (!handedOver) free.run();
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

    /**
     * Runs the command on its own thread and waits for it until its deadline: the step's bound
     * holds even when a device primitive blocks (a page load, a phone's latency) and ignores the
     * context. Waits inside get a slightly earlier deadline ({@link CommandContext#forCommand}),
     * so an element wait reports its own failure rather than racing the bound. At the deadline
     * the record ends {@code STEP_TIMEOUT}; the late thread is told to stop (its waits see the
     * context cancelled), never interrupted (that would close the backend's channels), and its
     * outcome is dropped: the id already has its final record, so it is never run again.
     */
    private void execute(Entry entry, Tool tool, long timeoutMs, long deadline, Optional<FaultPoint> fault, Runnable free,
            boolean settleAfterReply) throws InterruptedException {
        AtomicBoolean overdue = new AtomicBoolean();
        AtomicReference<Device> toSettle = new AtomicReference<>();
        CommandContext ctx = CommandContext.forCommand(deadline, timeoutMs,
                () -> overdue.get() || entry.cancelRequested(), artifactsDir, settleAfterReply ? toSettle::set : null);
        CompletableFuture<JsonNode> work = new CompletableFuture<>();
        COMMAND_THREADS.execute(() -> {
            try {
                JsonNode result = backend.runCommand(tool, entry.envelope.params(), ctx);
                if (previousUnsettled.getAndSet(false) && result instanceof ObjectNode o) {
                    StepNote.PREVIOUS_SCREEN_NEVER_SETTLED.addTo(o);
                }
                Device device = toSettle.get();
                if (device != null) gate.settling(); // before the reply: the next command must find it settling
                work.complete(result);
                if (device != null) settleAfterReply(device);
            } catch (Throwable t) {
                work.completeExceptionally(t);
            } finally {
                free.run();
            }
        });
        JsonNode result = null;
        ErrorInfo error = null;
        try {
            result = work.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            overdue.set(true);
            error = timedOut(tool, timeoutMs, entry.envelope.params());
        } catch (ExecutionException e) {
            error = switch (e.getCause()) {
                case TandemException t -> t.info();
                case InterruptedException i -> new ErrorInfo(ErrorCode.CANCELLED, tool + " was interrupted: the runner is stopping");
                case Throwable t -> {
                    t.printStackTrace();
                    yield new ErrorInfo(ErrorCode.INTERNAL, tool + " failed inside the runner: " + t);
                }
            };
        } catch (InterruptedException e) {
            overdue.set(true);
            journal.ended(entry, null, new ErrorInfo(ErrorCode.CANCELLED, tool + " was interrupted: the runner is stopping"));
            throw e;
        }
        if (error != null && error.code() != ErrorCode.CANCELLED && entry.cancelRequested()) {
            error = new ErrorInfo(ErrorCode.CANCELLED, tool + " was cancelled while running: " + error.message());
        }
        faults.at(FaultPoint.AFTER_EFFECT, fault);
        journal.ended(entry, result, error);
    }

    /**
     * The settle a step handed over ({@link CommandEnvelope#settleAfterReply()}): bounded by the
     * settle budget, with the device still held, so the next command starts on a settled screen.
     * A screen that never settles is noted on the next command's result; a failure here (the
     * device went away) is the next command's to meet and report.
     */
    private void settleAfterReply(Device device) {
        try {
            if (!Waits.settle(device, CommandContext.withTimeout(Waits.SETTLE_BUDGET_MS, artifactsDir))) {
                previousUnsettled.set(true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the runner is stopping
        } catch (RuntimeException e) {
            // nothing to report it on: the next command meets the same device and says what is wrong
        }
    }

    private static ErrorInfo timedOut(Tool tool, long timeoutMs, JsonNode params) {
        String effect = tool.traits().mutates(params)
                ? "; it will not be repeated, but it may still have acted on the device"
                : "; it will not be repeated";
        return new ErrorInfo(ErrorCode.STEP_TIMEOUT, tool + " did not finish within its " + timeoutMs
                + " ms timeout, so the step failed" + effect + ". Raise the step's `timeout`, or check what the device shows.");
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
