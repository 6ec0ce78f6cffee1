package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.device.Device;
import dev.tandem.protocol.Tool;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code uiVersion}, {@code awaitUiChange}, {@code isSettled}: what every wait of ToolExecutor
 * builds on. Times are asserted only as bounds far from the values expected, never as exact.
 */
public interface SettlingContract extends Contract {
    long SHORT_MS = 300;

    private static long msSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    @Test
    default void theUiVersionMovesWithEveryChange() throws Exception {
        // Pins: a change of the tree (here a tap that checks a box) moves uiVersion.
        d().launch(LOGIN);
        long before = d().device().uiVersion();
        d().tap("remember");
        assertThat(d().device().uiVersion()).isNotEqualTo(before);
    }

    @Test
    default void awaitUiChangeReturnsAtOnceWhenTheVersionAlreadyDiffers() throws Exception {
        // Pins: awaiting a version already passed returns at once, not at the deadline.
        d().launch(LOGIN);
        Device dev = d().device();
        long stale = dev.uiVersion();
        d().tap("remember");
        long start = System.nanoTime();
        dev.awaitUiChange(stale, System.nanoTime() + ContractDriver.WAIT_MS * 1_000_000L);
        assertThat(msSince(start)).isLessThan(ContractDriver.WAIT_MS / 2);
    }

    @Test
    default void awaitUiChangeReturnsByItsDeadlineWhenNothingChanges() throws Exception {
        // Pins: on a still screen awaitUiChange returns by its deadline, never long after; it may wake earlier
        // (a backend that cannot be notified polls), so a wait loop re-checks and ends at the deadline.
        d().launch(LOGIN);
        Device dev = d().device();
        long version = dev.uiVersion();
        long start = System.nanoTime();
        long deadline = start + SHORT_MS * 1_000_000L;
        int wakes = 0;
        while (dev.uiVersion() == version && System.nanoTime() - deadline < 0) {
            dev.awaitUiChange(version, deadline);
            wakes++;
        }
        assertThat(msSince(start)).isLessThan(SHORT_MS + ContractDriver.WAIT_MS / 2);
        assertThat(wakes).isPositive();
    }

    @Test
    default void aChangeFromOutsideWakesAWaiter() throws Exception {
        // Pins: a change not caused by a command (a message arriving) moves uiVersion and wakes awaitUiChange.
        requires(Tool.SYSTEM_TRAY);
        d().launch(CHAT);
        Device dev = d().device();
        long version = dev.uiVersion();
        d().messageFrom("Ann", "wake up");
        long start = System.nanoTime();
        long deadline = start + ContractDriver.WAIT_MS * 1_000_000L;
        while (dev.notifications().isEmpty() && System.nanoTime() - deadline < 0) {
            long v = dev.uiVersion();
            dev.awaitUiChange(v, deadline);
        }
        assertThat(dev.notifications()).as("the message arrived within %d ms", ContractDriver.WAIT_MS).isNotEmpty();
        assertThat(dev.uiVersion()).isNotEqualTo(version);
    }

    @Test
    default void aStillScreenIsSettled() throws Exception {
        // Pins: once an app has opened and nothing moves, isSettled is true (settling after an action ends).
        d().launch(LOGIN);
        assertThat(d().settle()).isTrue();
        assertThat(d().device().isSettled()).isTrue();
        d().tap("sign_in");
        assertThat(d().settle()).isTrue();
    }

    @Test
    default void concurrentSnapshotsDuringCommandsAreWholeTrees() throws Exception {
        // Pins: snapshot() may be called from another thread while commands run; each read is a whole, valid tree.
        d().launch(LOGIN);
        var errors = new ConcurrentLinkedQueue<Throwable>();
        var stop = new AtomicBoolean();
        Thread observer = Thread.ofVirtual().start(() -> {
            while (!stop.get()) {
                try {
                    var s = d().device().snapshot();
                    if (s.root() == null || s.elements().isEmpty()) errors.add(new AssertionError("empty tree"));
                } catch (Throwable t) {
                    errors.add(t);
                }
            }
        });
        try {
            for (int i = 0; i < 4; i++) d().tap("remember");
        } finally {
            stop.set(true);
            observer.join(ContractDriver.WAIT_MS);
        }
        assertThat(errors).isEmpty();
        assertThat(d().need("remember").checked()).isFalse();
    }
}
