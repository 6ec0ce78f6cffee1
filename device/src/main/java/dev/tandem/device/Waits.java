package dev.tandem.device;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.util.List;
import java.util.Optional;

/**
 * Bounded waits on a device's UI: for an element, for its absence, for the screen to settle.
 * They wake on UI changes ({@link Device#awaitUiChange}) rather than sleeping a fixed time.
 */
public final class Waits {
    /** How long the screen may stay in motion after an action before we go on anyway. */
    public static final long SETTLE_TIMEOUT_MS = 3_000;

    private Waits() {}

    /**
     * Waits until an element matching the selector is on a settled screen. At the deadline, an
     * element present on a still-moving screen is accepted rather than failing.
     */
    public static UiNode forElement(Device device, Selector selector, long timeoutMs, CommandContext ctx)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = ctx.deadlineIn(timeoutMs);
        while (true) {
            ctx.checkCancelled();
            long version = device.uiVersion();
            Snapshot snap = device.snapshot();
            List<UiNode> found = selector.select(snap.elements());
            boolean late = System.nanoTime() - deadline >= 0;
            if (!found.isEmpty() && (device.isSettled() || late)) return found.getFirst();
            if (late) {
                long waited = (System.nanoTime() - start) / 1_000_000;
                throw new TandemException(ErrorCode.ELEMENT_NOT_FOUND, ClosestMatches.notFoundMessage(selector, snap, waited));
            }
            device.awaitUiChange(version, deadline);
        }
    }

    /** The element if it is on screen now (no waiting). */
    public static Optional<UiNode> now(Device device, Selector selector) {
        List<UiNode> found = selector.select(device.snapshot().elements());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Waits until no element matches on a settled screen; fails naming the element still there. */
    public static void forAbsence(Device device, Selector selector, long timeoutMs, CommandContext ctx)
            throws InterruptedException {
        long deadline = ctx.deadlineIn(timeoutMs);
        while (true) {
            ctx.checkCancelled();
            long version = device.uiVersion();
            Snapshot snap = device.snapshot();
            List<UiNode> found = selector.select(snap.elements());
            if (found.isEmpty() && device.isSettled()) return;
            if (System.nanoTime() - deadline >= 0) {
                if (found.isEmpty()) return;
                throw new TandemException(ErrorCode.ASSERTION_FAILED, "Expected no element matching " + selector
                        + " on " + ClosestMatches.where(snap) + ", but " + found.getFirst().describe()
                        + " is still on screen after " + timeoutMs + " ms.");
            }
            device.awaitUiChange(version, deadline);
        }
    }

    /**
     * Waits (bounded) until the device reports nothing in motion. Returns whether it settled; an
     * unsettled screen is not an error, the next element wait copes with it.
     */
    public static boolean settle(Device device, CommandContext ctx) throws InterruptedException {
        long deadline = ctx.deadlineIn(SETTLE_TIMEOUT_MS);
        while (!device.isSettled()) {
            ctx.checkCancelled();
            if (System.nanoTime() - deadline >= 0) return false;
            device.awaitUiChange(device.uiVersion(), Math.min(deadline, System.nanoTime() + 20_000_000L));
        }
        return true;
    }
}
