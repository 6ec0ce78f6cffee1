package dev.tandem.daemon.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each row of the recovery table, against fake runners: what is sent, what runs, what is reported. */
class RunnerClientTest {
    private static final AtomicInteger IDS = new AtomicInteger();
    final FakeRunners runners = new FakeRunners();
    final RunnerClient client = new RunnerClient(runners, 300);

    @AfterEach
    void close() {
        runners.close();
    }

    private CommandRecord run(Tool tool, ObjectNode params) throws InterruptedException {
        return client.execute("d1", "cmd-" + IDS.incrementAndGet(), tool, params, 2_000);
    }

    private static ObjectNode fault(String f) {
        return Json.object().put("fault", f);
    }

    @Test
    void aHealthyCommandIsOneRoundTripWithoutPreflight() throws Exception {
        CommandRecord r = run(Tool.TAP_ON, Json.object());
        assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(runners.boot(0).requests).hasSize(1).allMatch(s -> s.startsWith("POST "));
    }

    @Test
    void nothingSentToADeadRunnerIsSentToItsSuccessor() throws Exception {
        runners.boot(0).die();
        CommandRecord r = run(Tool.TAP_ON, Json.object());
        assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(r.bootId()).isEqualTo("boot-1");
        assertThat(runners.device.effects).hasValue(1);
        assertThat(runners.boot(1).count("GET ")).as("no journal check: nothing reached boot-0").isZero();
    }

    @Test
    void aLostReplyFromALiveRunnerIsAnsweredByResendingTheId() throws Exception {
        CommandRecord r = run(Tool.TAP_ON, fault("drop"));
        assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(runners.device.effects).hasValue(1);
        assertThat(runners.restarts()).isZero();
        assertThat(runners.boot(0).posts()).isEqualTo(2);
        assertThat(runners.boot(0).count("uptime")).as("one probe, after the failure").isEqualTo(1);
    }

    @Test
    void aLateReplyIsAwaitedThroughTheResendNotRepeated() throws Exception {
        CommandRecord r = run(Tool.TAP_ON, Json.object().put("delayMs", 2_600));
        assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(runners.device.effects).hasValue(1);
        assertThat(runners.boot(0).posts()).isEqualTo(2);
    }

    @Test
    void aMutationNeverStartedByADeadRunnerIsSentToTheNextBootOnce() throws Exception {
        for (String f : new String[] {"die-before-accept"}) {
            CommandRecord r = run(Tool.TAP_ON, fault(f));
            assertThat(r.state()).as(f).isEqualTo(CommandState.COMPLETED);
            assertThat(r.bootId()).isEqualTo("boot-1");
            assertThat(runners.boot(1).requests).as("journal check, then the resend").hasSize(2);
            assertThat(runners.boot(1).requests.get(0)).startsWith("GET ").endsWith(" boot-0");
        }
        assertThat(runners.device.effects).hasValue(1);
    }

    @Test
    void aMutationStartedByADeadRunnerIsReportedUnknownAndNeverReplayed() throws Exception {
        CommandRecord beforeEffect = run(Tool.TAP_ON, fault("die-after-start"));
        assertThat(beforeEffect.state()).isEqualTo(CommandState.UNKNOWN);
        assertThat(beforeEffect.error().code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN);
        assertThat(beforeEffect.error().message()).contains("may have run and was not repeated").contains("Check the device");
        CommandRecord afterEffect = run(Tool.TAP_ON, fault("die-after-effect"));
        assertThat(afterEffect.error().code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN);
        assertThat(runners.device.effects).hasValue(1);
        assertThat(runners.boot(1).posts()).as("only the second command's first send").isEqualTo(1);
        assertThat(runners.boot(2).posts()).as("never replayed on the new boot").isZero();
    }

    @Test
    void aMutationCompletedByADeadRunnerIsReturnedFromItsJournal() throws Exception {
        CommandRecord r = run(Tool.TAP_ON, fault("die-after-complete"));
        assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(r.result().path("boot").asText()).isEqualTo("boot-0");
        assertThat(runners.device.effects).hasValue(1);
        assertThat(runners.boot(1).posts()).isZero();
    }

    @Test
    void aReadOnlyCommandLostWithItsRunnerIsSimplyRunAgain() throws Exception {
        CommandRecord r = run(Tool.ASSERT_VISIBLE, fault("die-after-effect"));
        assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(r.bootId()).isEqualTo("boot-1");
        assertThat(runners.boot(1).count("GET ")).as("no journal check for read-only").isZero();
    }

    @Test
    void systemTrayFindIsReadOnlyButItsOtherActionsAreNot() throws Exception {
        assertThat(run(Tool.SYSTEM_TRAY, fault("die-after-start").put("action", "find")).state())
                .isEqualTo(CommandState.COMPLETED);
        assertThat(run(Tool.SYSTEM_TRAY, fault("die-after-start").put("action", "tap")).error().code())
                .isEqualTo(ErrorCode.OUTCOME_UNKNOWN);
    }

    @Test
    void anotherBootAtThePortRefusesAndTheCommandGoesToTheDevicesRunner() throws Exception {
        RunnerHandle real = runners.current("d1");
        FakeRunner.Device elsewhere = new FakeRunner.Device();
        try (FakeRunner impostor = new FakeRunner("other-boot", elsewhere)) {
            RunnerHandle stale = new RunnerHandle(new RunnerFile("d1", "sim", null, ProcessHandle.current().pid(),
                    impostor.port(), "boot-0", "token", "dev", "test", 0), null);
            RunnerClient.Runners r = new RunnerClient.Runners() {
                @Override
                public RunnerHandle current(String d) {
                    return stale;
                }

                @Override
                public RunnerHandle replace(String d, RunnerHandle dead) {
                    return real;
                }
            };
            CommandRecord rec = new RunnerClient(r, 300).execute("d1", "c-409", Tool.TAP_ON, Json.object(), 2_000);
            assertThat(rec.state()).isEqualTo(CommandState.COMPLETED);
            assertThat(elsewhere.effects).hasValue(0);
            assertThat(runners.device.effects).hasValue(1);
        }
    }

    @Test
    void whenNoNewRunnerStartsALostMutationIsUnknownAndAnUnsentOneFailsPlainly() throws Exception {
        runners.failStarts = true;
        CommandRecord sent = run(Tool.TAP_ON, fault("die-after-start"));
        assertThat(sent.error().code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN);
        assertThat(sent.error().message()).contains("no new runner could be started");
        CommandRecord unsent = run(Tool.TAP_ON, Json.object());
        assertThat(unsent.error().code()).isEqualTo(ErrorCode.RUNNER_FAILED);
    }

    @Test
    void aRunnerThatNeverAnswersIsGivenUpOnBoundedly() throws Exception {
        CommandRecord r = run(Tool.TAP_ON, fault("drop-always"));
        assertThat(r.error().code()).isEqualTo(ErrorCode.OUTCOME_UNKNOWN);
        assertThat(runners.boot(0).posts()).isEqualTo(RunnerClient.MAX_ATTEMPTS);
        assertThat(runners.device.effects).hasValue(1);
    }

    @Test
    void aCancelBeforeTheCommandIsSentMeansItIsNeverSent() throws Exception {
        client.cancel("d1", "early");
        CommandRecord r = client.execute("d1", "early", Tool.TAP_ON, Json.object(), 2_000);
        assertThat(r.error().code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(runners.boot(0).requests).isEmpty();
    }

    @Test
    void aCancelDuringTheCommandReachesItsRunner() throws Exception {
        var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return client.execute("d1", "slow", Tool.TAP_ON, Json.object().put("delayMs", 1_500), 2_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("the command reached the runner", () -> runners.boot(0).requests.contains("POST slow"));
        client.cancel("d1", "slow");
        assertThat(result.get(5, java.util.concurrent.TimeUnit.SECONDS).error().code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(runners.device.effects).hasValue(0);
    }

    @Test
    void aCancelAfterTheCommandEndedDoesNothing() throws Exception {
        assertThat(client.execute("d1", "done", Tool.TAP_ON, Json.object(), 2_000).state()).isEqualTo(CommandState.COMPLETED);
        client.cancel("d1", "done");
        assertThat(runners.boot(0).count("CANCEL")).isZero();
        assertThat(client.execute("d1", "next", Tool.TAP_ON, Json.object(), 2_000).state()).isEqualTo(CommandState.COMPLETED);
    }

    @Test
    void aDeadProcessIsGoneWithoutAskingIt() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        FakeRunner b0 = runners.boot(0);
        RunnerHandle deadPid = new RunnerHandle(new RunnerFile("d1", "sim", null, p.pid(), b0.port(), "boot-0", "token",
                "dev", "test", 0), null);
        assertThat(deadPid.alive()).isFalse();
        assertThat(RunnerCalls.probe(deadPid)).isEqualTo(RecoveryPolicy.Liveness.GONE);
        assertThat(b0.count("uptime")).isZero();
        assertThat(RunnerCalls.probe(b0.handle())).isEqualTo(RecoveryPolicy.Liveness.SAME_BOOT);
    }

    @Test
    void aRefusedEnvelopeIsItsOutcomeNotRetried() throws Exception {
        CommandRecord r = client.execute("d1", "bad", Tool.TAP_ON, Json.object(), 2_000);
        assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
        RunnerHandle h = runners.current("d1");
        var sent = RunnerCalls.post(h, "bad2", "bogus", Json.object(), 1_000, false, 2_000);
        assertThat(sent).isInstanceOfSatisfying(RunnerCalls.Answered.class,
                a -> assertThat(a.record().error().code()).isEqualTo(ErrorCode.BAD_PARAMS));
    }
}
