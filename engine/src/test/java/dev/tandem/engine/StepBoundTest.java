package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.StepNote;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step's timeout bounds the engine's own steps too, and what a device notes about a passing step is kept. */
class StepBoundTest {

    @Test
    void aWaitLongerThanItsTimeoutFailsAtTheTimeoutWithStepTimeout() {
        // ten minutes asked, 20 ms allowed: the run must end at the bound (the hang guard is 10 s)
        Plan plan = PlanBuilder.singleDevice().waitStepWithTimeout(null, "w", 600_000, 20).step(null, "after").build();
        FakeDevices fake = new FakeDevices();
        RunResult r = Runs.run(plan, fake);
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        StepRecord w = Runs.record(r, "w");
        assertThat(w.status()).isEqualTo(StepStatus.FAILED);
        assertThat(w.error().code()).isEqualTo(ErrorCode.STEP_TIMEOUT);
        assertThat(w.error().message()).contains("600000 ms").contains("20 ms timeout");
        assertThat(r.steps()).extracting(StepRecord::label).containsExactly("w");
    }

    @Test
    void aWaitWithinItsTimeoutPasses() {
        Plan plan = PlanBuilder.singleDevice().waitStepWithTimeout(null, "w", 1, 5_000).build();
        assertThat(Runs.run(plan, new FakeDevices()).status()).isEqualTo(RunStatus.PASSED);
    }

    @Test
    void aDevicesNoteOnAPassingStepLandsInItsRecord() {
        Plan plan = PlanBuilder.singleDevice().step(null, "busy").step(null, "calm").build();
        var result = Json.object();
        StepNote.SCREEN_NEVER_SETTLED.addTo(result);
        FakeDevices fake = new FakeDevices().returning("busy", result);
        RunResult r = Runs.run(plan, fake);
        assertThat(r.status()).isEqualTo(RunStatus.PASSED);
        assertThat(Runs.record(r, "busy").notes()).containsExactly(StepNote.SCREEN_NEVER_SETTLED);
        assertThat(Runs.record(r, "calm").notes()).isNull();
        assertThat(Json.toTree(Runs.record(r, "busy")).path("notes")).hasSize(1);
        assertThat(Json.toTree(Runs.record(r, "busy")).path("notes").get(0).asText()).isEqualTo("screen never settled");
        assertThat(Json.toTree(Runs.record(r, "calm")).has("notes")).isFalse();
        assertThat(List.of(r.steps().getFirst().status())).containsExactly(StepStatus.PASSED);
    }
}
