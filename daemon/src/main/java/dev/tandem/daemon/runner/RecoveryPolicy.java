package dev.tandem.daemon.runner;

/**
 * The recovery policy as one table: where a command's delivery broke × whether it mutates →
 * what the client does. Failure points are classified from typed transport outcomes and the
 * runner's liveness, never from error-message text. See docs/runner-protocol.md.
 */
public final class RecoveryPolicy {
    private RecoveryPolicy() {}

    /** Where delivery broke. */
    public enum FailurePoint {
        /** Connect refused or request not fully written; the runner is alive. Nothing was received. */
        NOT_SENT_RUNNER_ALIVE,
        /** Nothing was received, and the runner is dead. */
        NOT_SENT_RUNNER_DEAD,
        /** The request went out; the reply was lost or late; the same boot is still alive. */
        SENT_REPLY_LOST,
        /** The request went out and the runner that got it has died (or was replaced by another boot). */
        SENT_RUNNER_DIED
    }

    public enum Action {
        /** Send the same id again to the same runner. */
        RESEND,
        /** Start a new runner and send the same id to it. */
        RESTART_AND_RESEND,
        /** Ask the same boot for the id's record; resend the id only if it was never accepted. */
        QUERY_SAME_BOOT,
        /** Start a new runner and read the dead boot's durable journal through it: completed → its record;
         *  never started → resend on the new boot; started → OUTCOME_UNKNOWN, never replayed. */
        RESTART_AND_CHECK_JOURNAL
    }

    public static Action decide(FailurePoint point, boolean mutating) {
        return switch (point) {
            case NOT_SENT_RUNNER_ALIVE -> Action.RESEND;
            case NOT_SENT_RUNNER_DEAD -> Action.RESTART_AND_RESEND;
            case SENT_REPLY_LOST -> Action.QUERY_SAME_BOOT;
            case SENT_RUNNER_DIED -> mutating ? Action.RESTART_AND_CHECK_JOURNAL : Action.RESTART_AND_RESEND;
        };
    }
}
