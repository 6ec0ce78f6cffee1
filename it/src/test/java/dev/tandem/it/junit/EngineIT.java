package dev.tandem.it.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tandem.it.Tandem;
import dev.tandem.junit.TandemError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The engine in this JVM against a real daemon it starts (from this Surefire fork's classpath) with
 * a private state dir: plans pass, fail with Tandem's message, abort the peers of a failed device.
 */
class EngineIT {
    static Tandem tandem;
    static Path plans;

    static final String SIGN_IN = """
            steps:
              - tool: launchApp
                appId: com.example.login
              - tool: tapOn
                id: email
              - tool: inputText
                text: ada@example.com
              - tool: assertVisible
                text: Nope
                optional: true
                timeout: 200
              - tool: assertVisible
                text: Sign in
            """;

    static final String WRONG_WELCOME = """
            devices: [A, B]
            steps:
              - {tool: launchApp, device: A, appId: com.example.login}
              - {tool: launchApp, device: B, appId: com.example.login}
              - {tool: assertVisible, device: A, text: "Sign inn", timeout: 300}
              - {tool: wait, device: B, ms: 5000}
            """;

    @BeforeAll
    static void start() throws Exception {
        tandem = new Tandem();
        plans = Files.createDirectories(tandem.work.resolve("plans"));
        Files.writeString(plans.resolve("sign-in.yaml"), SIGN_IN);
        Files.writeString(plans.resolve("wrong.yaml"), WRONG_WELCOME);
        Files.copy(Tandem.ROOT.resolve("examples/chat.yaml"), plans.resolve("chat.yaml"));
    }

    @AfterAll
    static void stop() throws Exception {
        tandem.close();
    }

    static EngineExecutionResults run(String out, Map<String, String> params, DiscoverySelector... selectors) {
        var kit = EngineTestKit.engine("tandem").selectors(selectors)
                .configurationParameter("tandem.output", tandem.work.resolve(out).toString());
        tandem.environment().forEach((k, v) -> kit.configurationParameter("tandem.daemon.env." + k, v));
        params.forEach(kit::configurationParameter);
        return kit.execute();
    }

    static List<String> entries(EngineExecutionResults r, String key) {
        return r.allEvents().stream().filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get(key))
                .filter(v -> v != null).toList();
    }

    @Test
    void plansRunAsTestsOneTestPerDeviceWithTandemsFailure() throws Exception {
        EngineExecutionResults r = run("out", Map.of(), selectDirectory(plans.toFile()));
        r.testEvents().assertStatistics(s -> s.started(5).succeeded(3).failed(1).aborted(1));
        r.testEvents().assertThatEvents()
                .haveExactly(1, event(test("chat.yaml"), displayName("A"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("default"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("A"), finishedWithFailure(instanceOf(AssertionFailedError.class), message(m ->
                        m.startsWith("ELEMENT_NOT_FOUND: ") && m.contains("Sign inn") && m.contains("Sign in")
                                && m.contains("at step 2 (assertVisible) of device A, ") && m.contains("wrong.yaml:5:")
                                && m.contains("screenshot: ") && m.contains("run: " + tandem.work.resolve("out"))))))
                .haveExactly(1, event(displayName("B"), abortedWithReason(instanceOf(TestAbortedException.class),
                        message(m -> m.contains("device A failed first: ELEMENT_NOT_FOUND")))));
        assertThat(entries(r, "tandem.warned")).singleElement().asString().contains("assertVisible").contains("warned");
        assertThat(entries(r, "tandem.step")).anyMatch(s -> s.startsWith("B #") && s.contains("systemTray 'Verify notification' passed"));
        String screenshot = entries(r, "tandem.screenshot").getFirst();
        assertThat(Path.of(screenshot)).isRegularFile();
        try (Stream<Path> runs = Files.list(tandem.work.resolve("out"))) {
            assertThat(runs.filter(d -> Files.isRegularFile(d.resolve("results.json"))).count()).isEqualTo(3);
        }
        // the daemon outlives this fork: it runs from the jars themselves, not from Surefire's booter jar that goes with the fork
        String cmdline = Files.readString(Path.of("/proc", String.valueOf(tandem.daemonPid()), "cmdline"));
        assertThat(cmdline).contains("tandem-sim-").doesNotContain("surefirebooter");
    }

    @Test
    void aFailedPlanIsRerunWithRetries() {
        EngineExecutionResults r = run("out-retries", Map.of("tandem.retries", "1"), selectFile(plans.resolve("wrong.yaml").toFile()));
        r.testEvents().assertStatistics(s -> s.failed(1).aborted(1));
        assertThat(entries(r, "tandem.retry")).hasSize(1);
    }

    @Test
    void aRunTheDaemonRefusesFailsThePlanWithItsCode() {
        // B=... is ignored by the single-device plan; the chat plan's A names a device that does not exist
        EngineExecutionResults r = run("out-refused", Map.of("tandem.devices", "A=sim:sim-99,B=sim"),
                selectFile(plans.resolve("chat.yaml").toFile()), selectFile(plans.resolve("sign-in.yaml").toFile()));
        r.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        r.containerEvents().assertThatEvents().haveExactly(1, event(displayName("chat.yaml"), finishedWithFailure(
                instanceOf(TandemError.class), message(m -> m.startsWith("USAGE: ") && m.contains("sim-99")))));
    }

    @Test
    void plansRunInParallelWhenAllowed() {
        EngineExecutionResults r = run("out-parallel", Map.of("tandem.parallel.enabled", "true", "tandem.parallel.config.strategy", "fixed",
                "tandem.parallel.config.fixed.parallelism", "2"), selectDirectory(plans.toFile()));
        r.testEvents().assertStatistics(s -> s.started(5).succeeded(3).failed(1).aborted(1));
        assertThat(overlapping(r)).as("two plans ran at the same time").isTrue();
    }

    /** Whether some plan started before another one had finished. */
    static boolean overlapping(EngineExecutionResults r) {
        List<Event> plans = r.containerEvents().list().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().getLastSegment().getType().equals("plan")).toList();
        for (Event start : plans) {
            if (start.getType() != EventType.STARTED) continue;
            for (Event end : plans) {
                if (end.getType() == EventType.FINISHED && !end.getTestDescriptor().equals(start.getTestDescriptor())
                        && start.getTimestamp().isBefore(end.getTimestamp())
                        && plans.stream().anyMatch(s2 -> s2.getType() == EventType.STARTED && s2.getTestDescriptor().equals(end.getTestDescriptor())
                                && s2.getTimestamp().isBefore(start.getTimestamp()))) {
                    return true;
                }
            }
        }
        return false;
    }
}
