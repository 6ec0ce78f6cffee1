package dev.tandem.daemon.runner;

import static dev.tandem.daemon.runner.RecoveryPolicy.Action.RESEND;
import static dev.tandem.daemon.runner.RecoveryPolicy.Action.RESTART_AND_CHECK_JOURNAL;
import static dev.tandem.daemon.runner.RecoveryPolicy.Action.RESTART_AND_RESEND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.daemon.runner.RecoveryPolicy.Delivery;
import dev.tandem.daemon.runner.RecoveryPolicy.FailurePoint;
import dev.tandem.daemon.runner.RecoveryPolicy.Liveness;
import dev.tandem.daemon.runner.RecoveryPolicy.Verdict;
import dev.tandem.protocol.http.TransportException;
import dev.tandem.protocol.runner.CommandState;
import org.junit.jupiter.api.Test;

/** The table exactly as docs/runner-protocol.md states it. */
class RecoveryPolicyTest {

    @Test
    void theTable() {
        assertThat(RecoveryPolicy.decide(FailurePoint.NOT_SENT_SAME_BOOT, true)).isEqualTo(RESEND);
        assertThat(RecoveryPolicy.decide(FailurePoint.NOT_SENT_SAME_BOOT, false)).isEqualTo(RESEND);
        assertThat(RecoveryPolicy.decide(FailurePoint.NOT_SENT_RUNNER_GONE, true)).isEqualTo(RESTART_AND_RESEND);
        assertThat(RecoveryPolicy.decide(FailurePoint.NOT_SENT_RUNNER_GONE, false)).isEqualTo(RESTART_AND_RESEND);
        assertThat(RecoveryPolicy.decide(FailurePoint.SENT_SAME_BOOT, true)).isEqualTo(RESEND);
        assertThat(RecoveryPolicy.decide(FailurePoint.SENT_SAME_BOOT, false)).isEqualTo(RESEND);
        assertThat(RecoveryPolicy.decide(FailurePoint.SENT_RUNNER_GONE, true)).isEqualTo(RESTART_AND_CHECK_JOURNAL);
        assertThat(RecoveryPolicy.decide(FailurePoint.SENT_RUNNER_GONE, false)).isEqualTo(RESTART_AND_RESEND);
    }

    @Test
    void aRunsGoneBootIsADeviceResetWhereTheStateDoesNotSurviveAndTheTableWhereItDoes() {
        for (FailurePoint p : FailurePoint.values()) {
            for (boolean mutating : new boolean[] {true, false}) {
                RecoveryPolicy.Action plain = RecoveryPolicy.decide(p, mutating);
                assertThat(RecoveryPolicy.decide(p, mutating, true)).as(p + " survives").isEqualTo(plain);
                assertThat(RecoveryPolicy.decide(p, mutating, false)).as(p + " blank after a restart")
                        .isEqualTo(plain == RESEND ? RESEND : RecoveryPolicy.Action.FAIL_DEVICE_RESET);
            }
        }
    }

    @Test
    void aMutationThatMayHaveReachedAGoneRunnerIsTheOnlyCaseThatNeedsTheJournal() {
        for (FailurePoint p : FailurePoint.values()) {
            boolean journal = RecoveryPolicy.decide(p, true) == RESTART_AND_CHECK_JOURNAL;
            assertThat(journal).as(p.name()).isEqualTo(p == FailurePoint.SENT_RUNNER_GONE);
            assertThat(RecoveryPolicy.decide(p, false)).as(p.name()).isNotEqualTo(RESTART_AND_CHECK_JOURNAL);
        }
    }

    @Test
    void deliveryComesFromTheTransportKindAlone() {
        assertThat(Delivery.of(TransportException.Kind.CONNECT_FAILED)).isEqualTo(Delivery.NOT_SENT);
        assertThat(Delivery.of(TransportException.Kind.WRITE_FAILED)).isEqualTo(Delivery.NOT_SENT);
        assertThat(Delivery.of(TransportException.Kind.RESPONSE_LOST)).isEqualTo(Delivery.MAYBE_DELIVERED);
        assertThat(Delivery.of(TransportException.Kind.TIMEOUT)).isEqualTo(Delivery.MAYBE_DELIVERED);
        assertThat(Delivery.of(TransportException.Kind.MALFORMED)).isEqualTo(Delivery.MAYBE_DELIVERED);
        for (TransportException.Kind k : TransportException.Kind.values()) {
            assertThat(Delivery.of(k) == Delivery.MAYBE_DELIVERED).as(k.name())
                    .isEqualTo(new TransportException(k, "", null).maybeDelivered());
        }
    }

    @Test
    void classification() {
        assertThat(RecoveryPolicy.classify(false, Liveness.SAME_BOOT)).isEqualTo(FailurePoint.NOT_SENT_SAME_BOOT);
        assertThat(RecoveryPolicy.classify(false, Liveness.GONE)).isEqualTo(FailurePoint.NOT_SENT_RUNNER_GONE);
        assertThat(RecoveryPolicy.classify(true, Liveness.SAME_BOOT)).isEqualTo(FailurePoint.SENT_SAME_BOOT);
        assertThat(RecoveryPolicy.classify(true, Liveness.GONE)).isEqualTo(FailurePoint.SENT_RUNNER_GONE);
    }

    @Test
    void theJournalsAnswer() {
        assertThat(RecoveryPolicy.afterJournal(CommandState.COMPLETED)).isEqualTo(Verdict.RETURN_RECORD);
        assertThat(RecoveryPolicy.afterJournal(CommandState.FAILED)).isEqualTo(Verdict.RETURN_RECORD);
        assertThat(RecoveryPolicy.afterJournal(CommandState.NOT_ACCEPTED)).isEqualTo(Verdict.RESEND_ON_NEW_BOOT);
        assertThat(RecoveryPolicy.afterJournal(CommandState.UNKNOWN)).isEqualTo(Verdict.OUTCOME_UNKNOWN);
        assertThat(RecoveryPolicy.afterJournal(CommandState.STARTED)).isEqualTo(Verdict.OUTCOME_UNKNOWN);
        assertThat(RecoveryPolicy.afterJournal(null)).isEqualTo(Verdict.OUTCOME_UNKNOWN);
    }
}
