package dev.tandem.plan;

/** Maestro habits: a Maestro-style step or file gets the Tandem form of that very step. */
final class MaestroHints {
    private MaestroHints() {}

    /** Whether {@code step} is a Maestro-style step; if so its problem (with the Tandem form) is recorded. */
    static boolean report(YNode step, Problems problems) {
        return false;
    }
}
