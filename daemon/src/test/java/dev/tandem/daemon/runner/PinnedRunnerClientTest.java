package dev.tandem.daemon.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A run's commands are pinned to one boot (issue 11.1): where the device's state does not survive
 * a runner restart (sim, web), a gone boot is a reset device, never a reason to go on on a fresh
 * one; where it survives (a real phone), the recovery table applies and the pin follows the new boot.
 */
class PinnedRunnerClientTest {
    private static final AtomicInteger IDS = new AtomicInteger();

    private static CommandRecord run(RunnerClient client, BootPin pin, Tool tool, String fault) throws InterruptedException {
        return client.execute(pin, "cmd-" + IDS.incrementAndGet(), tool,
                fault == null ? Json.object() : Json.object().put("fault", fault), 2_000);
    }

    @Test
    void aDeadBootBetweenStepsIsADeviceResetAndNoNewRunnerIsStarted() throws Exception {
        try (FakeRunners runners = new FakeRunners()) {
            BootPin pin = new BootPin(runners.current("d1"));
            RunnerClient client = new RunnerClient(runners, 300);
            assertThat(run(client, pin, Tool.TAP_ON, null).state()).isEqualTo(CommandState.COMPLETED);
            runners.boot(0).die();
            CommandRecord r = run(client, pin, Tool.ASSERT_VISIBLE, null);
            assertThat(r.state()).isEqualTo(CommandState.FAILED);
            assertThat(r.error().code()).isEqualTo(ErrorCode.DEVICE_RESET);
            assertThat(r.error().code().exitCode()).isEqualTo(3);
            assertThat(r.error().message()).contains("device d1 was reset", "boot boot-0", "does not survive a runner restart");
            assertThat(runners.restarts()).as("no fresh, blank boot").isZero();
            assertThat(runners.retired).containsExactly(pin.handle());
        }
    }

    @Test
    void aBootKilledDuringACommandIsADeviceResetWhateverTheCommand() throws Exception {
        for (String fault : new String[] {"die-before-accept", "die-after-start", "die-after-effect", "die-after-complete"}) {
            for (Tool tool : new Tool[] {Tool.TAP_ON, Tool.ASSERT_VISIBLE}) {
                try (FakeRunners runners = new FakeRunners()) {
                    CommandRecord r = run(new RunnerClient(runners, 300), new BootPin(runners.current("d1")), tool, fault);
                    assertThat(r.error()).as(tool + " " + fault).isNotNull();
                    assertThat(r.error().code()).as(tool + " " + fault).isEqualTo(ErrorCode.DEVICE_RESET);
                    assertThat(runners.restarts()).as("not resent to a new boot").isZero();
                }
            }
        }
    }

    @Test
    void aLostReplyFromTheSameBootIsNoReset() throws Exception {
        try (FakeRunners runners = new FakeRunners()) {
            CommandRecord r = run(new RunnerClient(runners, 300), new BootPin(runners.current("d1")), Tool.TAP_ON, "drop");
            assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
            assertThat(runners.device.effects).hasValue(1);
        }
    }

    @Test
    void whereTheStateSurvivesTheTableAppliesAndThePinFollowsTheNewBoot() throws Exception {
        try (FakeRunners runners = new FakeRunners(true)) {
            BootPin pin = new BootPin(runners.current("d1"));
            RunnerClient client = new RunnerClient(runners, 300);
            CommandRecord r = run(client, pin, Tool.TAP_ON, "die-before-accept");
            assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
            assertThat(r.bootId()).isEqualTo("boot-1");
            assertThat(pin.handle().bootId()).isEqualTo("boot-1");
            assertThat(run(client, pin, Tool.TAP_ON, null).bootId()).isEqualTo("boot-1");
            assertThat(runners.device.effects).hasValue(2);
            assertThat(runners.retired).isEmpty();
        }
    }

    @Test
    void unpinnedCommandsStillGoToTheDevicesCurrentRunner() throws Exception {
        try (FakeRunners runners = new FakeRunners()) {
            runners.boot(0).die();
            CommandRecord r = new RunnerClient(runners, 300).execute("d1", "snap-" + IDS.incrementAndGet(), Tool.OBSERVE,
                    Json.object(), 2_000);
            assertThat(r.state()).isEqualTo(CommandState.COMPLETED);
            assertThat(r.bootId()).isEqualTo("boot-1");
        }
    }
}
