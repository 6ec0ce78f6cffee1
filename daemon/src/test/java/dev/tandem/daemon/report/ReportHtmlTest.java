package dev.tandem.daemon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlTest {
    @TempDir
    Path dir;

    private RunResult failedRun(String message) {
        String shot = dir.resolve("screenshots/B-failure-plan1.png").toString();
        Failure f = new Failure(1, 0, "assertVisible", ErrorCode.ELEMENT_NOT_FOUND, message, shot);
        Map<String, DeviceResult> devices = new LinkedHashMap<>();
        devices.put("A", new DeviceResult("sim-1", DeviceStatus.PASSED, new DeviceResult.Steps(1, 1), 30, null));
        devices.put("B", new DeviceResult("sim-2", DeviceStatus.FAILED, new DeviceResult.Steps(1, 1), 40, f));
        List<StepRecord> steps = List.of(
                new StepRecord(0, 0, "A", "tapOn", "send", StepStatus.PASSED, 0, 30, null),
                new StepRecord(1, 0, "B", "assertVisible", "inbox", StepStatus.FAILED, 5, 35, new ErrorInfo(f.code(), message), shot, null));
        return new RunResult("r1", "chat", RunStatus.FAILED, 50, devices, steps, new RunResult.RootCause("B", f), 1_000L);
    }

    private static JsonNode data(String html) {
        String start = "<script id=\"data\" type=\"application/json\">";
        int at = html.indexOf(start) + start.length();
        return Json.tree(html.substring(at, html.indexOf("</script>", at)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void embedsTheRunsRecordsWithScreenshotsRelativeToTheRunDirectory() {
        String html = ReportHtml.render(RunReportData.of(failedRun("gone"), dir));
        JsonNode d = data(html);
        assertThat(d.path("k").asText()).isEqualTo("run");
        assertThat(d.path("devices")).hasSize(2);
        assertThat(d.path("steps")).hasSize(2);
        assertThat(d.path("root").path("screenshot").asText()).isEqualTo("screenshots/B-failure-plan1.png");
        assertThat(d.path("steps").get(1).get(10).asText()).isEqualTo("screenshots/B-failure-plan1.png");
        // self-contained: nothing fetched from a network
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
    }

    @Test
    void aMessageThatLooksLikeMarkupCannotEndTheDataScript() {
        String html = ReportHtml.render(RunReportData.of(failedRun("</script><script>alert(1)</script>"), dir));
        assertThat(html).doesNotContain("</script><script>alert(1)");
        assertThat(data(html).path("root").path("message").asText()).isEqualTo("</script><script>alert(1)</script>");
    }

    @Test
    void syncPointsAreGroupedWithEachParticipantsPassage() {
        RunResult r = SyntheticRun.of(3, 25, false);
        JsonNode syncs = RunReportData.of(r, dir).path("syncs");
        // one barrier of all (at step 20) and one section of the first two devices
        assertThat(syncs).hasSize(2);
        for (JsonNode g : syncs) assertThat(g.path("at")).hasSize(g.path("devs").size());
    }

    @Test
    void sixteenDevicesTimesTwoHundredStepsStayCompact() {
        String html = ReportHtml.render(RunReportData.of(SyntheticRun.of(16, 200, true), dir));
        // the budget BENCHMARKS.md records: well under a megabyte for 3200 steps
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(600_000);
    }

    @Test
    void rerenderDrawsARunAgainFromItsResultsJson() throws Exception {
        ResultsWriter.write(dir, failedRun("gone"));
        Files.delete(dir.resolve("report.html"));
        Path out = ReportFiles.rerender(dir);
        assertThat(data(Files.readString(out)).path("runId").asText()).isEqualTo("r1");
    }

    @Test
    void rerenderRefusesWhatIsNotAResultsFile() throws Exception {
        assertThatThrownBy(() -> ReportFiles.rerender(dir)).isInstanceOf(TandemException.class).hasMessageContaining("no results.json");
        Files.writeString(dir.resolve("results.json"), "{\"hello\": 1}");
        assertThatThrownBy(() -> ReportFiles.rerender(dir)).isInstanceOf(TandemException.class)
                .hasMessageContaining("not a Tandem results file");
        Files.writeString(dir.resolve("results.json"), "{garbage");
        assertThatThrownBy(() -> ReportFiles.rerender(dir)).isInstanceOf(TandemException.class).hasMessageContaining("cannot read");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void suitePageLinksEveryAttemptAndMarksFlakyPlans() throws Exception {
        Path run1 = dir.resolve("run1"), run2 = dir.resolve("run2");
        JsonNode suite = Json.tree(("{\"suiteId\":\"s\",\"status\":\"passed\",\"durationMs\":9,\"plans\":1,\"passed\":1,\"flaky\":1,"
                + "\"shards\":[],\"runs\":[{\"path\":\"a.yaml\",\"shard\":1,\"status\":\"passed\",\"durationMs\":4,\"dir\":\"" + run2
                + "\",\"devices\":{\"default\":{\"device\":\"sim-1\"}},\"flaky\":true,\"attempts\":["
                + "{\"dir\":\"" + run1 + "\",\"status\":\"failed\",\"durationMs\":5,\"rootCause\":{\"device\":\"default\",\"failure\":"
                + "{\"code\":\"ELEMENT_NOT_FOUND\",\"message\":\"no\"}}},{\"dir\":\"" + run2 + "\",\"status\":\"passed\",\"durationMs\":4}]}]}")
                .getBytes(StandardCharsets.UTF_8));
        JsonNode run = SuiteReportData.of(suite, dir).path("runs").get(0);
        assertThat(run.path("flaky").asBoolean()).isTrue();
        assertThat(run.path("report").asText()).isEqualTo("run2/report.html");
        assertThat(run.path("attempts").get(0).path("report").asText()).isEqualTo("run1/report.html");
        assertThat(run.path("attempts").get(0).path("root").asText()).contains("ELEMENT_NOT_FOUND");
        assertThat(run.path("devices").path("default").asText()).isEqualTo("sim-1");
    }
}
