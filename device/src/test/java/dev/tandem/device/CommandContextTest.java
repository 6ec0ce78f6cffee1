package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A command's bounds: waits end before its hard deadline, never after it. */
class CommandContextTest {
    @Test
    void aCommandsWaitsLeaveAReserveForTheReply() {
        long hard = System.nanoTime() + 10_000_000_000L;
        assertThat(CommandContext.forCommand(hard, 10_000, () -> false, Path.of(".")).deadlineNanos())
                .isEqualTo(hard - CommandContext.REPLY_RESERVE_MS * 1_000_000L);
        assertThat(CommandContext.forCommand(hard, 500, () -> false, Path.of(".")).deadlineNanos())
                .as("a fifth of a short bound").isEqualTo(hard - 100 * 1_000_000L);
    }

    @Test
    void aWaitNeverOutlivesItsCommand() {
        CommandContext c = CommandContext.withTimeout(1_000, Path.of("."));
        assertThat(c.deadlineIn(60_000)).isEqualTo(c.deadlineNanos());
        assertThat(c.deadlineIn(10)).isLessThan(c.deadlineNanos());
        assertThat(c.remainingMs()).isBetween(0L, 1_000L);
        assertThat(CommandContext.withTimeout(-5, Path.of(".")).remainingMs()).isZero();
    }

    @Test
    void cancellationAndInterruptionAreDistinct() throws Exception {
        new CommandContext(System.nanoTime(), () -> false, Path.of(".")).checkCancelled();
        assertThatThrownBy(() -> new CommandContext(System.nanoTime(), () -> true, Path.of(".")).checkCancelled())
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new CommandContext(System.nanoTime(), () -> false, Path.of(".")).checkCancelled())
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
