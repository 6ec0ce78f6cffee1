package dev.tandem.daemon.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.ErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitXmlTest {

    @Test
    void oneSuitePerPlanOneCasePerDevice_parsableByAnXmlParser() throws Exception {
        Map<String, DeviceResult> devices = new LinkedHashMap<>();
        devices.put("A", new DeviceResult("sim-1", DeviceStatus.PASSED, new DeviceResult.Steps(5, 5), 1234, null));
        Failure f = new Failure(7, 2, "tapOn", ErrorCode.ELEMENT_NOT_FOUND, "No element matches {text: \"<Send>\"} & more");
        devices.put("B", new DeviceResult("sim-2", DeviceStatus.FAILED, new DeviceResult.Steps(3, 5), 987, f));
        devices.put("C", new DeviceResult("sim-3", DeviceStatus.ABORTED, new DeviceResult.Steps(1, 5), 10,
                new Failure(7, -1, "barrier", ErrorCode.PEER_FAILED, "device B failed")));
        RunResult run = new RunResult("r1", "chat \"quoted\"", RunStatus.FAILED, 2000, devices, List.of(),
                new RunResult.RootCause("B", f));
        String xml = JunitXml.render(List.of(run, run));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("chat \"quoted\"");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("ELEMENT_NOT_FOUND");
        assertThat(failure.getAttribute("message")).contains("<Send>").contains("& more");
        assertThat(failure.getTextContent()).contains("plan step 7 (track step 2, tapOn)");
    }

    @Test
    void infrastructureFailuresAreErrors() throws Exception {
        Failure f = new Failure(-1, -1, null, ErrorCode.OUTCOME_UNKNOWN, "may have run");
        RunResult run = new RunResult("r", "p", RunStatus.ERROR, 1, Map.of("default",
                new DeviceResult("sim-1", DeviceStatus.FAILED, new DeviceResult.Steps(1, 2), 1, f)), List.of(),
                new RunResult.RootCause("default", f));
        assertThat(JunitXml.render(List.of(run))).contains("errors=\"1\"").contains("<error type=\"OUTCOME_UNKNOWN\"");
    }

    @Test
    void eachSuiteCarriesItsOwnStartTime() throws Exception {
        Map<String, DeviceResult> devices = Map.of("default",
                new DeviceResult("sim-1", DeviceStatus.PASSED, new DeviceResult.Steps(1, 1), 1, null));
        long first = java.time.Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
        RunResult a = new RunResult("a", "first", RunStatus.PASSED, 65_000, devices, List.of(), null, first);
        RunResult b = new RunResult("b", "second", RunStatus.PASSED, 1_000, devices, List.of(), null, first + 65_000);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitXml.render(List.of(a, b)).getBytes(StandardCharsets.UTF_8)));
        Element s1 = (Element) doc.getElementsByTagName("testsuite").item(0);
        Element s2 = (Element) doc.getElementsByTagName("testsuite").item(1);
        // when each plan started, not when the file was written
        assertThat(s1.getAttribute("timestamp")).isEqualTo("2026-12-01T10:00:00");
        assertThat(s2.getAttribute("timestamp")).isEqualTo("2026-12-01T10:01:05");
    }

    @Test
    void aPlanThatPassedOnARerunCarriesItsEarlierFailureAsSurefireWritesIt() throws Exception {
        Failure f = new Failure(1, 1, "assertVisible", ErrorCode.ELEMENT_NOT_FOUND, "no Inbox", "/out/s/r1/screenshots/default-failure-plan1.png");
        RunResult failed = new RunResult("r1", "inbox", RunStatus.FAILED, 20, Map.of("default",
                new DeviceResult("sim-1", DeviceStatus.FAILED, new DeviceResult.Steps(2, 2), 20, f)), List.of(),
                new RunResult.RootCause("default", f));
        RunResult passed = new RunResult("r2", "inbox", RunStatus.PASSED, 10, Map.of("default",
                new DeviceResult("sim-2", DeviceStatus.PASSED, new DeviceResult.Steps(2, 2), 10, null)), List.of(), null);
        Document flaky = parse(JunitXml.renderAttempts(List.of(new JunitXml.Attempts(passed, List.of(failed)))));
        assertThat(flaky.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        Element ff = (Element) flaky.getElementsByTagName("flakyFailure").item(0);
        assertThat(ff.getAttribute("type")).isEqualTo("ELEMENT_NOT_FOUND");
        assertThat(ff.getElementsByTagName("stackTrace").item(0).getTextContent()).contains("run r1");
        assertThat(ff.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("[[ATTACHMENT|/out/s/r1/screenshots/default-failure-plan1.png]]");

        Document broken = parse(JunitXml.renderAttempts(List.of(new JunitXml.Attempts(failed, List.of(failed)))));
        assertThat(broken.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(broken.getElementsByTagName("rerunFailure").getLength()).isEqualTo(1);
        assertThat(broken.getElementsByTagName("flakyFailure").getLength()).isZero();
    }

    @Test
    void theFailureScreenshotIsAttachedAndTheStepsListedInSystemOut() throws Exception {
        Failure f = new Failure(0, 0, "tapOn", ErrorCode.ELEMENT_NOT_FOUND, "no Send", "/out/r/screenshots/A-failure-plan0.png");
        RunResult run = new RunResult("r", "p", RunStatus.FAILED, 5, Map.of("A",
                new DeviceResult("sim-1", DeviceStatus.FAILED, new DeviceResult.Steps(1, 1), 5, f)),
                List.of(new dev.tandem.protocol.result.StepRecord(0, 0, "A", "tapOn", "send", dev.tandem.protocol.result.StepStatus.FAILED,
                        0, 5, new dev.tandem.protocol.ErrorInfo(f.code(), f.message()))), new RunResult.RootCause("A", f));
        String out = parse(JunitXml.render(List.of(run))).getElementsByTagName("system-out").item(0).getTextContent();
        assertThat(out).contains("tapOn: send (ELEMENT_NOT_FOUND: no Send)").contains("[[ATTACHMENT|/out/r/screenshots/A-failure-plan0.png]]");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
