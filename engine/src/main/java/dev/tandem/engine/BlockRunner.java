package dev.tandem.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.engine.TrackRunner.Outcome;
import dev.tandem.plan.Block;
import dev.tandem.plan.Step;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ToolDescriptors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one control block of a track (repeat, retry, when; nested blocks too), its steps through
 * the track's own step runner. Every block is bounded: repeat by its times or its iteration cap,
 * retry by its attempts, all by their timeout, checked before each iteration and step. A
 * condition (while, visible, notVisible) is one look at the screen as the previous step left it
 * (an assertVisible with the shortest element wait), not a step of its own.
 */
final class BlockRunner {
    /** Bound on one condition look on the device (the look itself does not wait for the element). */
    static final long LOOK_TIMEOUT_MS = 10_000;

    private final TrackRunner track;
    private final TrackItem.InBlock item;
    private final DeviceChannel channel;
    private final RunControl control;
    private final String label;
    private final String runId;
    private final AtomicLong commandSeq;
    private final String platform;

    /** @param platform the platform the track's device runs on (for {@code when: platform}); null when unknown */
    BlockRunner(TrackRunner track, TrackItem.InBlock item, DeviceChannel channel, RunControl control, String label, String runId,
            AtomicLong commandSeq, String platform) {
        this.track = track;
        this.item = item;
        this.channel = channel;
        this.control = control;
        this.label = label;
        this.runId = runId;
        this.commandSeq = commandSeq;
        this.platform = platform;
    }

    /** Runs the block; false when the track must stop (its failure is recorded). */
    boolean run() throws InterruptedException {
        Block b = item.block();
        Outcome o = block(b, null, Long.MAX_VALUE, null);
        return o == Outcome.OK;
    }

    /**
     * @param iteration the enclosing block's iteration (for steps of a when block), or null
     * @param outerDeadline the enclosing block's deadline ({@link System#nanoTime()}), or Long.MAX_VALUE
     * @param attempt the enclosing retry's attempt when it can try again ("attempt 1 of 3"), or null
     */
    private Outcome block(Block b, Integer iteration, long outerDeadline, String attempt) throws InterruptedException {
        long own = System.nanoTime() + b.timeoutMs() * 1_000_000L;
        long deadline = outerDeadline - own < 0 ? outerDeadline : own;
        String kind = b.kind().wireName();
        return switch (b.kind()) {
            case REPEAT -> {
                for (int i = 1; ; i++) {
                    if (b.times() != null && i > b.times()) yield Outcome.OK;
                    if (b.whileVisible() != null) {
                        Look look = look(b, b.whileVisible());
                        if (look == Look.FAILED) yield Outcome.STOP;
                        if (look == Look.ABSENT) yield Outcome.OK;
                        if (b.times() == null && i > ToolDescriptors.MAX_WHILE_ITERATIONS) {
                            yield fail(b, "repeat while " + selector(b.whileVisible()) + " still saw it after "
                                    + ToolDescriptors.MAX_WHILE_ITERATIONS + " iterations (the most a while runs without times);"
                                    + " check that the steps change the screen, or give times: N to bound it yourself");
                        }
                    }
                    if (past(deadline)) yield fail(b, kind + " block ran past its timeout of " + b.timeoutMs() + " ms after "
                            + (i - 1) + " iterations; raise its timeout or lower times");
                    Outcome o = body(b, i, deadline, attempt);
                    if (o != Outcome.OK) yield o;
                }
            }
            case RETRY -> {
                int attempts = 1 + b.maxRetries();
                for (int a = 1; ; a++) {
                    if (past(deadline)) yield fail(b, "retry block ran past its timeout of " + b.timeoutMs() + " ms after "
                            + (a - 1) + " attempts; raise its timeout");
                    String note = a < attempts ? "attempt " + a + " of " + attempts : attempt;
                    Outcome o = body(b, a, deadline, note);
                    if (o != Outcome.RETRY || a >= attempts) yield o;
                }
            }
            case WHEN -> {
                Boolean holds = holds(b);
                if (holds == null) yield Outcome.STOP;
                if (!holds) {
                    for (ToolStep t : b.toolSteps()) track.skipped(t, item.trackIndices().get(t), iteration);
                    yield Outcome.OK;
                }
                yield body(b, iteration, deadline, attempt);
            }
        };
    }

    /** The block's steps once, in order; stops at the first that does not go on. */
    private Outcome body(Block b, Integer iteration, long deadline, String attempt) throws InterruptedException {
        for (Step s : b.steps()) {
            if (track.lostAt(b.planIndex(), b.kind().wireName())) return Outcome.STOP;
            if (control.stopping()) {
                track.stopBecausePeer(b.planIndex(), b.kind().wireName());
                return Outcome.STOP;
            }
            if (past(deadline)) return fail(b, b.kind().wireName() + " block ran past its timeout of " + b.timeoutMs()
                    + " ms; raise its timeout");
            Outcome o = switch (s) {
                case ToolStep t -> track.step(t, item.trackIndices().get(t), iteration, attempt, false);
                case Block inner -> block(inner, iteration, deadline, attempt);
                default -> throw new IllegalStateException("the loader keeps sync points out of blocks: " + s);
            };
            if (o != Outcome.OK) return o;
        }
        return Outcome.OK;
    }

    /** Whether every condition of a when block holds; null when a look failed (the track stops). */
    private Boolean holds(Block b) throws InterruptedException {
        if (b.platform() != null && !b.platform().equals(platform)) return false;
        if (b.visible() != null) {
            Look l = look(b, b.visible());
            if (l == Look.FAILED) return null;
            if (l == Look.ABSENT) return false;
        }
        if (b.notVisible() != null) {
            Look l = look(b, b.notVisible());
            if (l == Look.FAILED) return null;
            if (l == Look.SHOWN) return false;
        }
        return true;
    }

    private enum Look { SHOWN, ABSENT, FAILED }

    /** One look at the screen for the condition's element, as a read-only device command. */
    private Look look(Block b, ObjectNode condition) throws InterruptedException {
        String kind = b.kind().wireName();
        if (track.lostAt(b.planIndex(), kind)) return Look.FAILED;
        ObjectNode params = condition.deepCopy();
        params.put("timeout", 1); // one look: the previous step already waited for the screen to settle
        ToolStep probe = new ToolStep(b.planIndex(), -1, Tool.ASSERT_VISIBLE, b.device(), lookLabel(condition), params, false,
                LOOK_TIMEOUT_MS, b.pos());
        StepCall call = new StepCall(runId + "-" + commandSeq.incrementAndGet(), label, probe, params, LOOK_TIMEOUT_MS);
        if (!control.begin(label, call, channel)) {
            track.stopBecausePeer(b.planIndex(), kind);
            return Look.FAILED;
        }
        try {
            channel.execute(call);
            return Look.SHOWN;
        } catch (StepFailure f) {
            if (f.error().code() == ErrorCode.ELEMENT_NOT_FOUND) return Look.ABSENT;
            if (control.stopping() && f.error().code() == ErrorCode.CANCELLED) {
                track.stopBecausePeer(b.planIndex(), kind);
                return Look.FAILED;
            }
            track.blockFailed(b.planIndex(), kind, new ErrorInfo(f.error().code(), "the " + kind + " block could not look for "
                    + selector(condition) + ": " + f.error().message()));
            return Look.FAILED;
        } catch (RuntimeException e) {
            track.blockFailed(b.planIndex(), kind, new ErrorInfo(ErrorCode.INTERNAL, "the connection to device " + label + " failed: " + e));
            return Look.FAILED;
        } finally {
            control.end(label);
        }
    }

    private Outcome fail(Block b, String message) {
        track.blockFailed(b.planIndex(), b.kind().wireName(), new ErrorInfo(ErrorCode.BLOCK_LIMIT, message));
        return Outcome.STOP;
    }

    private static boolean past(long deadline) {
        return deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0;
    }

    /** What a condition's look is called in the device's log: {@code look for "Load more"}. */
    static String lookLabel(ObjectNode condition) {
        return "look for " + selector(condition);
    }

    private static String selector(ObjectNode condition) {
        var sel = condition.get("selector");
        return sel.isTextual() ? "\"" + sel.asText() + "\"" : sel.toString();
    }
}
