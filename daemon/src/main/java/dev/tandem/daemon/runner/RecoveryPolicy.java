package dev.tandem.daemon.runner;

import dev.tandem.protocol.http.TransportException;
import dev.tandem.protocol.runner.CommandState;

/**
 * The recovery policy as one table (docs/runner-protocol.md, "Recovery"): where a command's
 * delivery broke × whether it mutates → what the client does. Failure points are classified from
 * typed outcomes (the transport's {@link TransportException.Kind}, a refusal by another boot, and
 * the liveness probe made only after a failure), never from error-message text.
 */
public final class RecoveryPolicy {
    private RecoveryPolicy() {}

    /** How far one attempt got. */
    public enum Delivery {
        /** Connect failed or the request was not fully written: no runner can have read it. */
        NOT_SENT,
        /** Answered by another boot (409) or another process (401) at that port: refused, not run. */
        REFUSED_BY_OTHER,
        /** Written, and the reply was lost, late or garbled: the runner may have acted on it. */
        MAYBE_DELIVERED;

        public static Delivery of(TransportException.Kind kind) {
            return switch (kind) {
                case CONNECT_FAILED, WRITE_FAILED -> NOT_SENT;
                case RESPONSE_LOST, TIMEOUT, MALFORMED -> MAYBE_DELIVERED;
            };
        }
    }

    /** What the probe after a failure found: the process, then {@code GET /v1/uptime} on a fresh connection. */
    public enum Liveness {
        SAME_BOOT,
        /** Dead, silent, or another boot answers at its port. */
        GONE
    }

    /** Where delivery broke, over all attempts to the current boot. */
    public enum FailurePoint {
        /** No attempt can have reached the boot, and it is alive. */
        NOT_SENT_SAME_BOOT,
        /** No attempt can have reached the boot, and it is gone. */
        NOT_SENT_RUNNER_GONE,
        /** An attempt may have reached the boot (reply lost or late), and the same boot is alive. */
        SENT_SAME_BOOT,
        /** An attempt may have reached the boot, and it is gone: only its durable journal knows. */
        SENT_RUNNER_GONE
    }

    public enum Action {
        /** Send the same id to the same boot: it runs it if it never got it, else returns its record (waiting if running). */
        RESEND,
        /** Start a new runner and send the same id to it (with a new boot id). */
        RESTART_AND_RESEND,
        /** Start a new runner and ask it what the dead boot's journal says about the id ({@link #afterJournal}). */
        RESTART_AND_CHECK_JOURNAL,
        /**
         * A run's boot is gone and its device's state does not survive a restart (sim, web): any new
         * boot is a blank device, so the command fails {@code DEVICE_RESET}; no restart, no resend.
         */
        FAIL_DEVICE_RESET
    }

    /** What the dead boot's journal answer means. */
    public enum Verdict {
        /** Completed or failed there: that is the outcome. */
        RETURN_RECORD,
        /** Never started there: safe to send to the new boot. */
        RESEND_ON_NEW_BOOT,
        /** Started with no end, or no evidence left: the step fails with OUTCOME_UNKNOWN; never replayed. */
        OUTCOME_UNKNOWN
    }

    public static FailurePoint classify(boolean maybeDeliveredToThisBoot, Liveness liveness) {
        if (maybeDeliveredToThisBoot) {
            return liveness == Liveness.SAME_BOOT ? FailurePoint.SENT_SAME_BOOT : FailurePoint.SENT_RUNNER_GONE;
        }
        return liveness == Liveness.SAME_BOOT ? FailurePoint.NOT_SENT_SAME_BOOT : FailurePoint.NOT_SENT_RUNNER_GONE;
    }

    /** The table. Read-only commands differ in one row only: a lost one is simply run again. */
    public static Action decide(FailurePoint point, boolean mutating) {
        return switch (point) {
            case NOT_SENT_SAME_BOOT -> Action.RESEND;
            case NOT_SENT_RUNNER_GONE -> Action.RESTART_AND_RESEND;
            case SENT_SAME_BOOT -> Action.RESEND;
            case SENT_RUNNER_GONE -> mutating ? Action.RESTART_AND_CHECK_JOURNAL : Action.RESTART_AND_RESEND;
        };
    }

    /**
     * The table for a run's command, pinned to one boot: the restarts above apply only where the
     * device's state survives a runner restart; elsewhere a gone boot is a reset device.
     */
    public static Action decide(FailurePoint point, boolean mutating, boolean stateSurvivesRestart) {
        Action a = decide(point, mutating);
        return a == Action.RESEND || stateSurvivesRestart ? a : Action.FAIL_DEVICE_RESET;
    }

    /** @param state what the successor reports for the dead boot, or null when it did not answer */
    public static Verdict afterJournal(CommandState state) {
        if (state == null) return Verdict.OUTCOME_UNKNOWN;
        return switch (state) {
            case COMPLETED, FAILED -> Verdict.RETURN_RECORD;
            case NOT_ACCEPTED -> Verdict.RESEND_ON_NEW_BOOT;
            case ACCEPTED, STARTED, UNKNOWN -> Verdict.OUTCOME_UNKNOWN;
        };
    }
}
