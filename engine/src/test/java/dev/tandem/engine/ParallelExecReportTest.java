package dev.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.plan.Plan;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.ParallelExecReport;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code [PARALLEL_EXEC]} lines, exactly in the seed's shape. */
class ParallelExecReportTest {

    @Test
    void linesHaveTheSeedShape() {
        Map<String, DeviceResult> devices = new LinkedHashMap<>();
        devices.put("A", new DeviceResult("sim-1", DeviceStatus.PASSED, new DeviceResult.Steps(5, 5), 1234, null));
        devices.put("B", new DeviceResult("sim-2", DeviceStatus.FAILED, new DeviceResult.Steps(3, 5), 987,
                new Failure(7, 2, "tapOn", ErrorCode.ELEMENT_NOT_FOUND, "no element with text 'Send'")));
        RunResult result = new RunResult("r", "p", RunStatus.FAILED, 1300, devices, List.of(), null);

        assertThat(ParallelExecReport.lines(result)).containsExactly(
                "[PARALLEL_EXEC] A: SUCCESS - 5/5 steps (1234ms)",
                "[PARALLEL_EXEC] B: FAILED - 3/5 steps (987ms)",
                "[PARALLEL_EXEC] B: Failed at plan step 7 (track step 2): ELEMENT_NOT_FOUND: no element with text 'Send'");
    }

    @Test
    void aRealRunReportsEveryDeviceThenWhereEachStopped() {
        Plan plan = PlanBuilder.devices("A", "B")
                .step("A", "a0")
                .step("B", "b0")
                .step("B", "b1")
                .barrier()
                .step("B", "b2")
                .step("A", "a1")
                .build();
        // b1 fails once A waits at the barrier, so A's first step has run whatever the scheduling
        RunResult result = Runs.run(plan, new FakeDevices().worksUntilWaiting("b1", "A", ErrorCode.ASSERTION_FAILED));

        List<String> lines = ParallelExecReport.lines(result);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("\\[PARALLEL_EXEC] A: ABORTED - 1/2 steps \\(\\d+ms\\)");
        assertThat(lines.get(1)).matches("\\[PARALLEL_EXEC] B: FAILED - 2/3 steps \\(\\d+ms\\)");
        assertThat(lines.get(2)).matches("\\[PARALLEL_EXEC] A: Failed at plan step 3 \\(barrier\\): PEER_FAILED: "
                + "device B failed at plan step 2 \\(tapOn\\): ASSERTION_FAILED: .*");
        assertThat(lines.get(3)).isEqualTo("[PARALLEL_EXEC] B: Failed at plan step 2 (track step 1): ASSERTION_FAILED: "
                + "b1 failed on purpose");
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("[PARALLEL_EXEC] "));
    }

    @Test
    void aDeviceThatNeverStartedFailedAtStartUpNotAtStepMinusOne() {
        Map<String, DeviceResult> devices = new LinkedHashMap<>();
        devices.put("A", new DeviceResult("sim-5", DeviceStatus.ABORTED, new DeviceResult.Steps(0, 1), 0,
                new Failure(-1, -1, null, ErrorCode.STATE_DIR_BROKEN, "journal is a file")));
        RunResult result = new RunResult("r", "p", RunStatus.ERROR, 0, devices, List.of(), null);
        assertThat(ParallelExecReport.lines(result)).contains(
                "[PARALLEL_EXEC] A: Failed at start-up, before any step: STATE_DIR_BROKEN: journal is a file");
    }

    @Test
    void aPassingRunHasOnlyTimingLines() {
        Plan plan = PlanBuilder.devices("A", "B").step("A", "a0").step("B", "b0").step("B", "b1").build();
        RunResult result = Runs.run(plan, new FakeDevices());

        assertThat(ParallelExecReport.lines(result)).satisfiesExactly(
                a -> assertThat(a).matches("\\[PARALLEL_EXEC] A: SUCCESS - 1/1 steps \\(\\d+ms\\)"),
                b -> assertThat(b).matches("\\[PARALLEL_EXEC] B: SUCCESS - 2/2 steps \\(\\d+ms\\)"));
    }
}
