package dev.tandem.device;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.util.Optional;

/**
 * Actionability before a tap, as Playwright checks it: the element is on screen and enabled. A
 * disabled element is waited for (within the same bound as the element wait) to become enabled;
 * a tap on it would do nothing, and the step must not pass as if it had.
 */
final class Actionable {
    private Actionable() {}

    static UiNode forTap(Device d, Selector selector, long timeoutMs, CommandContext ctx) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = ctx.deadlineIn(timeoutMs);
        UiNode n = Waits.forElement(d, selector, timeoutMs, ctx);
        while (!n.enabled()) {
            ctx.checkCancelled();
            long version = d.uiVersion();
            Optional<UiNode> now = Waits.now(d, selector);
            if (now.isEmpty()) { // gone while we waited: look for it again in the time left
                n = Waits.forElement(d, selector, Math.max(0, (deadline - System.nanoTime()) / 1_000_000L), ctx);
                continue;
            }
            n = now.get();
            if (n.enabled()) break;
            if (System.nanoTime() - deadline >= 0) {
                long waited = (System.nanoTime() - start) / 1_000_000L;
                throw new TandemException(ErrorCode.ELEMENT_DISABLED, "The element " + n.describe() + " matching " + selector
                        + " is disabled and stayed so for " + waited + " ms: a tap on it would do nothing.");
            }
            d.awaitUiChange(version, deadline);
        }
        return n;
    }
}
