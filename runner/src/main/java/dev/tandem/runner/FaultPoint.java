package dev.tandem.runner;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a test may make this runner fail, to prove the command lifecycle (docs/runner-protocol.md,
 * "Fault matrix"). Armed per command by the {@code _fault: {point, marker}} param, and honoured only
 * when the runner runs with the test-only switch ({@link Faults}).
 */
enum FaultPoint {
    /** Request read, nothing recorded: the command never existed for this boot. */
    BEFORE_ACCEPT("before-accept"),
    /** Accepted in memory, not started: the journal on disk has no trace of it. */
    AFTER_ACCEPT("after-accept"),
    /** {@code started} is on disk, the side effect has not happened. */
    AFTER_START("after-start"),
    /** The side effect happened, its end is not recorded. */
    AFTER_EFFECT("after-effect"),
    /** The end is recorded (on disk too), the reply is not sent. */
    AFTER_COMPLETE("after-complete"),
    /** Complete, then drop the connection without a reply; the process lives on. */
    DROP_AFTER_COMPLETE("drop-after-complete");

    final String wireName;

    FaultPoint(String wireName) {
        this.wireName = wireName;
    }

    static Optional<FaultPoint> byWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }

    /** Whether reaching this point kills the process (all but the connection drop). */
    boolean halts() {
        return this != DROP_AFTER_COMPLETE;
    }
}
