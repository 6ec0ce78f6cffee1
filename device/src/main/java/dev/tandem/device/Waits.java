package dev.tandem.device;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Bounded waits on a device's UI: for an element, for its absence, for the screen to settle.
 * They wake on UI changes ({@link Device#awaitUiChange}) rather than sleeping a fixed time.
 *
 * <p>Element waits do not wait for the whole screen: a page with a ticking clock or a spinner
 * never settles. An element is ready once it matches and is itself stable: on a settled screen
 * at once, otherwise when two reads at least {@link #STABLE_MS} apart show it with the same
 * bounds, text and state (about two frames: an element that slides or fades in changes between
 * them). Absence is judged the same way: absent on a settled screen, or in two reads that far apart.
 */
public final class Waits {
    /** How long an element must keep its bounds, text and state on a moving screen to count as stable. */
    public static final long STABLE_MS = 25;
    /**
     * How long a tool waits after its action for the screen to stop moving before it goes on
     * anyway (its result then notes {@link dev.tandem.protocol.StepNote#SCREEN_NEVER_SETTLED}).
     * Longer than any finite transition the backends run (the sim's slowest is 600 ms).
     */
    public static final long SETTLE_BUDGET_MS = 1_000;
    private static final long STABLE_NS = STABLE_MS * 1_000_000L;

    private Waits() {}

    /**
     * Waits until an element matching the selector is on screen and stable. At the deadline, an
     * element present but still moving is accepted rather than failing.
     */
    public static UiNode forElement(Device device, Selector selector, long timeoutMs, CommandContext ctx)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = ctx.deadlineIn(timeoutMs);
        UiNode candidate = null;
        long candidateSince = 0;
        while (true) {
            ctx.checkCancelled();
            long version = device.uiVersion();
            Snapshot snap = device.snapshot();
            List<UiNode> found = selector.select(snap.elements());
            long now = System.nanoTime();
            if (found.isEmpty()) {
                candidate = null;
            } else {
                UiNode n = found.getFirst();
                if (device.isSettled()) return n;
                if (candidate != null && sameLook(candidate, n)) {
                    if (now - candidateSince >= STABLE_NS) return n;
                } else {
                    candidate = n;
                    candidateSince = now;
                }
            }
            if (now - deadline >= 0) {
                if (!found.isEmpty()) return found.getFirst();
                long waited = (now - start) / 1_000_000;
                throw new TandemException(ErrorCode.ELEMENT_NOT_FOUND, ClosestMatches.notFoundMessage(selector, snap, waited));
            }
            // wake on a change, and at the latest when the candidate's stability window closes
            device.awaitUiChange(version, candidate == null ? deadline : earlier(deadline, candidateSince + STABLE_NS));
        }
    }

    /** The element if it is on screen now (no waiting). */
    public static Optional<UiNode> now(Device device, Selector selector) {
        List<UiNode> found = selector.select(device.snapshot().elements());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Waits until no element matches, stably (see the class comment); fails naming the element still there. */
    public static void forAbsence(Device device, Selector selector, long timeoutMs, CommandContext ctx)
            throws InterruptedException {
        long deadline = ctx.deadlineIn(timeoutMs);
        long absentSince = 0;
        boolean absent = false;
        while (true) {
            ctx.checkCancelled();
            long version = device.uiVersion();
            Snapshot snap = device.snapshot();
            List<UiNode> found = selector.select(snap.elements());
            long now = System.nanoTime();
            if (found.isEmpty()) {
                if (device.isSettled() || (absent && now - absentSince >= STABLE_NS)) return;
                if (!absent) absentSince = now;
                absent = true;
            } else {
                absent = false;
            }
            if (now - deadline >= 0) {
                if (found.isEmpty()) return;
                throw new TandemException(ErrorCode.ASSERTION_FAILED, "Expected no element matching " + selector
                        + " on " + ClosestMatches.where(snap) + ", but " + found.getFirst().describe()
                        + " is still on screen after " + timeoutMs + " ms.");
            }
            device.awaitUiChange(version, absent ? earlier(deadline, absentSince + STABLE_NS) : deadline);
        }
    }

    /**
     * Waits (bounded by {@link #SETTLE_BUDGET_MS} and the command's deadline) until the device
     * reports nothing in motion. Returns whether it settled; an unsettled screen is not an error,
     * the next element wait copes with it.
     */
    public static boolean settle(Device device, CommandContext ctx) throws InterruptedException {
        long deadline = ctx.deadlineIn(SETTLE_BUDGET_MS);
        while (!device.isSettled()) {
            ctx.checkCancelled();
            if (System.nanoTime() - deadline >= 0) return false;
            device.awaitUiChange(device.uiVersion(), Math.min(deadline, System.nanoTime() + 20_000_000L));
        }
        return true;
    }

    /**
     * Before a step that acts on the focused field without naming one (inputText,
     * clearText): on a screen still moving, waits (bounded) until some element has the focus, as a
     * page still loading its app focuses its field late on a loaded host. On a settled screen it
     * decides at once; either way the backend then types, or says that no field is focused.
     */
    public static void forFocus(Device device, long timeoutMs, CommandContext ctx) throws InterruptedException {
        long deadline = ctx.deadlineIn(timeoutMs);
        while (!device.isSettled()) {
            ctx.checkCancelled();
            long version = device.uiVersion();
            if (hasFocus(device.snapshot().root()) || System.nanoTime() - deadline >= 0) return;
            device.awaitUiChange(version, deadline);
        }
    }

    private static boolean hasFocus(UiNode n) {
        if (n.focused()) return true;
        for (UiNode c : n.children()) if (hasFocus(c)) return true;
        return false;
    }

    /** Same element as far as a user can see: where it is, what it says, its state (refs and children aside). */
    static boolean sameLook(UiNode a, UiNode b) {
        return Objects.equals(a.bounds(), b.bounds()) && Objects.equals(a.text(), b.text())
                && Objects.equals(a.role(), b.role()) && Objects.equals(a.id(), b.id())
                && Objects.equals(a.hint(), b.hint()) && a.enabled() == b.enabled()
                && Objects.equals(a.checked(), b.checked()) && a.focused() == b.focused() && a.selected() == b.selected();
    }

    private static long earlier(long a, long b) {
        return a - b < 0 ? a : b;
    }
}
