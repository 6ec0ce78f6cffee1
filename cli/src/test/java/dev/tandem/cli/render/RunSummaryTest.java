package dev.tandem.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void parallelExecLinesHaveTheSeedShape() {
        JsonNode result = Json.tree("""
                {"devices": {
                  "A": {"device": "sim-1", "status": "passed", "steps": {"run": 5, "total": 5}, "durationMs": 1234},
                  "B": {"device": "sim-2", "status": "failed", "steps": {"run": 3, "total": 5}, "durationMs": 987,
                        "failure": {"planStep": 7, "trackStep": 2, "tool": "tapOn", "code": "ELEMENT_NOT_FOUND",
                                    "message": "Timeout waiting for element"}}}}
                """.getBytes());
        assertThat(RunSummary.parallelExecLines(result)).containsExactly(
                "[PARALLEL_EXEC] A: SUCCESS - 5/5 steps (1234ms)",
                "[PARALLEL_EXEC] B: FAILED - 3/5 steps (987ms)",
                "[PARALLEL_EXEC] B: Failed at plan step 7 (track step 2): ELEMENT_NOT_FOUND: Timeout waiting for element");
    }

    @Test
    void aDeviceWhoseRunnerNeverStartedFailedAtStartUp() {
        JsonNode result = Json.tree("""
                {"devices": {"default": {"device": "sim-5", "status": "aborted", "steps": {"run": 0, "total": 1}, "durationMs": 0,
                  "failure": {"planStep": -1, "trackStep": -1, "code": "STATE_DIR_BROKEN", "message": "journal is a file"}}}}
                """.getBytes());
        assertThat(RunSummary.parallelExecLines(result)).contains(
                "[PARALLEL_EXEC] default: Failed at start-up, before any step: STATE_DIR_BROKEN: journal is a file");
    }
}
