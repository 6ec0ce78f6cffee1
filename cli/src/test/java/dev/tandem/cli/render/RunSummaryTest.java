package dev.tandem.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.Json;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.read(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void parallelExecLinesHaveTheSeedShape() {
        RunResult result = read("""
                {"devices": {
                  "A": {"device": "sim-1", "status": "passed", "steps": {"run": 5, "total": 5}, "durationMs": 1234},
                  "B": {"device": "sim-2", "status": "failed", "steps": {"run": 3, "total": 5}, "durationMs": 987,
                        "failure": {"planStep": 7, "trackStep": 2, "tool": "tapOn", "code": "ELEMENT_NOT_FOUND",
                                    "message": "Timeout waiting for element"}}}}
                """, RunResult.class);
        assertThat(RunSummary.parallelExecLines(result)).containsExactly(
                "[PARALLEL_EXEC] A: SUCCESS - 5/5 steps (1234ms)",
                "[PARALLEL_EXEC] B: FAILED - 3/5 steps (987ms)",
                "[PARALLEL_EXEC] B: Failed at plan step 7 (track step 2): ELEMENT_NOT_FOUND: Timeout waiting for element");
    }

    static final String FAILED_RUN = """
            {"result": {"plan": "chat", "status": "failed", "durationMs": 1500,
              "devices": {
                "A": {"device": "sim-1", "status": "failed", "steps": {"run": 2, "total": 3}, "durationMs": 1400,
                      "failure": {"planStep": 1, "trackStep": 1, "tool": "tapOn", "code": "ELEMENT_NOT_FOUND",
                                  "message": "No element matches {text: \\"Sign in\\"}"}},
                "B": {"device": "sim-2", "status": "aborted", "steps": {"run": 1, "total": 2}, "durationMs": 900,
                      "failure": {"planStep": 1, "trackStep": -1, "tool": "barrier", "code": "PEER_FAILED",
                                  "message": "A failed at plan step 1"}}},
              "steps": [
                {"planStep": 0, "trackStep": 0, "device": "A", "tool": "launchApp", "status": "passed"},
                {"planStep": 0, "trackStep": 0, "device": "B", "tool": "launchApp", "status": "passed"},
                {"planStep": 1, "trackStep": 1, "device": "A", "tool": "tapOn", "status": "failed"}],
              "rootCause": {"device": "A", "failure": {"planStep": 1, "trackStep": 1, "tool": "tapOn",
                  "code": "ELEMENT_NOT_FOUND", "message": "No element matches {text: \\"Sign in\\"}"}}},
             "dir": "/tmp/run-1", "exitCode": 1}
            """;

    static String finish(String event) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
        RunEvent.Result r = (RunEvent.Result) read("{\"event\": \"result\", " + event.strip().substring(1), RunEvent.class);
        RunSummary.finish(ps, r.result(), r.dir(), r.exitCode(), false, false, new Style(false), ps);
        return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theSummarySaysHowManyStepsPassedOutOfHowMany() {
        assertThat(finish(FAILED_RUN)).contains("FAILED · chat · 2 devices · 2 of 5 steps passed");
    }

    @Test
    void aStepRepeatedByABlockCountsOnceByItsLastRunAndSkippedStepsAreNoted() {
        String out = finish("""
                {"result": {"plan": "blocks", "status": "passed", "durationMs": 100,
                  "devices": {"default": {"device": "sim-1", "status": "passed", "steps": {"run": 3, "total": 3}, "durationMs": 90}},
                  "steps": [
                    {"planStep": 0, "trackStep": 0, "device": "default", "tool": "tapOn", "status": "passed", "iteration": 1},
                    {"planStep": 0, "trackStep": 0, "device": "default", "tool": "tapOn", "status": "passed", "iteration": 2},
                    {"planStep": 1, "trackStep": 1, "device": "default", "tool": "assertVisible", "status": "warned", "iteration": 1},
                    {"planStep": 1, "trackStep": 1, "device": "default", "tool": "assertVisible", "status": "passed", "iteration": 2},
                    {"planStep": 2, "trackStep": 2, "device": "default", "tool": "tapOn", "status": "skipped"}]},
                 "dir": "/tmp/run-2", "exitCode": 0}
                """);
        assertThat(out).contains("PASSED · blocks · 1 device · 2 of 3 steps passed (1 warned) (1 skipped)");
    }

    @Test
    void aFailureIsPrintedOnceBesideTheParallelExecBlock() {
        String out = finish(FAILED_RUN);
        String outsideBlock = String.join("\n", out.lines().filter(l -> !l.startsWith("[PARALLEL_EXEC]")).toList());
        assertThat(outsideBlock.split("No element matches", -1)).hasSize(2);
        assertThat(out).contains("✗ ELEMENT_NOT_FOUND on A (sim-1) at plan step 1");
    }

    @Test
    void aDeviceWhoseRunnerNeverStartedFailedAtStartUp() {
        RunResult result = read("""
                {"devices": {"default": {"device": "sim-5", "status": "aborted", "steps": {"run": 0, "total": 1}, "durationMs": 0,
                  "failure": {"planStep": -1, "trackStep": -1, "code": "STATE_DIR_BROKEN", "message": "journal is a file"}}}}
                """, RunResult.class);
        assertThat(RunSummary.parallelExecLines(result)).contains(
                "[PARALLEL_EXEC] default: Failed at start-up, before any step: STATE_DIR_BROKEN: journal is a file");
    }
}
