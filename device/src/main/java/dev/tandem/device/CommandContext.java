package dev.tandem.device;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The bounds of one command: its deadline, its cancellation signal, and where it may write files.
 * {@code settleAfterReply}, when not null, takes the device whose screen the command would settle
 * at its end: the runner settles it after the reply, holding the device until then (see
 * {@code CommandEnvelope#settleAfterReply}); null settles before the reply, as a step always did.
 */
public record CommandContext(long deadlineNanos, BooleanSupplier cancelled, Path artifactsDir,
        Consumer<Device> settleAfterReply) {

    public CommandContext(long deadlineNanos, BooleanSupplier cancelled, Path artifactsDir) {
        this(deadlineNanos, cancelled, artifactsDir, null);
    }

    public static CommandContext withTimeout(long timeoutMs, Path artifactsDir) {
        return new CommandContext(System.nanoTime() + timeoutMs * 1_000_000L, () -> false, artifactsDir);
    }

    /**
     * How much of a command's bound its waits leave for their last look and the reply: this, or a
     * fifth of bounds under 1.25 s (a web snapshot on a loaded machine takes tens of ms).
     */
    public static final long REPLY_RESERVE_MS = 250;

    /**
     * The context of a command that must end by {@code hardDeadlineNanos}: its waits end a little
     * earlier ({@link #REPLY_RESERVE_MS}), so a wait's own failure (element not found) wins over
     * the bare step timeout and the reply is out before the bound.
     */
    public static CommandContext forCommand(long hardDeadlineNanos, long timeoutMs, BooleanSupplier cancelled, Path artifactsDir) {
        return forCommand(hardDeadlineNanos, timeoutMs, cancelled, artifactsDir, null);
    }

    /** The same, for a command whose closing settle goes to {@code settleAfterReply} (null: settle now). */
    public static CommandContext forCommand(long hardDeadlineNanos, long timeoutMs, BooleanSupplier cancelled, Path artifactsDir,
            Consumer<Device> settleAfterReply) {
        long reserveMs = Math.min(REPLY_RESERVE_MS, timeoutMs / 5);
        return new CommandContext(hardDeadlineNanos - reserveMs * 1_000_000L, cancelled, artifactsDir, settleAfterReply);
    }

    public long remainingMs() {
        return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    /** Deadline for a wait of {@code ms}, never past the command's own deadline. */
    public long deadlineIn(long ms) {
        long d = System.nanoTime() + ms * 1_000_000L;
        return Math.min(d, deadlineNanos);
    }

    /** Throws CANCELLED when the command was cancelled or its thread interrupted. */
    public void checkCancelled() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) throw new InterruptedException("command interrupted");
        if (cancelled.getAsBoolean()) throw new TandemException(ErrorCode.CANCELLED, "the command was cancelled");
    }
}
