package dev.tandem.device;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The bounds of one command: its deadline, its cancellation signal, and where it may write files.
 */
public record CommandContext(long deadlineNanos, BooleanSupplier cancelled, Path artifactsDir) {

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
        long reserveMs = Math.min(REPLY_RESERVE_MS, timeoutMs / 5);
        return new CommandContext(hardDeadlineNanos - reserveMs * 1_000_000L, cancelled, artifactsDir);
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
