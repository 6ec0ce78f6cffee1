package dev.tandem.daemon.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.daemon.devices.Allocator;
import dev.tandem.daemon.devices.DevicesFile;
import dev.tandem.daemon.devices.MachineLocks;
import dev.tandem.daemon.run.ActiveRuns;
import dev.tandem.daemon.run.History;
import dev.tandem.daemon.run.PlanRuns;
import dev.tandem.daemon.run.RunEvents;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.daemon.run.RunService;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerClient;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.daemon.runner.RunnerSupervisor;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.state.StateSecrets;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform and a device source written here, in test code, and registered once
 * ({@code META-INF/services}): the daemon's own parts — sources, allocator, supervisor, run service —
 * run plans on it end to end, and refuse before any runner starts a step it cannot do.
 */
class FakePlatformTest {
    @TempDir
    Path home;
    @TempDir
    Path locks;
    @TempDir
    Path plans;

    private FakeSource fakes;
    private RunnerSupervisor supervisor;
    private RunService runs;
    private DeviceSources sources;

    @BeforeEach
    void daemon() throws IOException {
        StateDir state = new StateDir(home.resolve("state")).ensure();
        fakes = new FakeSource(2, home.resolve("work"));
        // the fake source beside today's local pools, as a daemon assembles them (Daemon.startHoldingLock)
        List<DeviceSource> all = new ArrayList<>();
        for (DevicesFile.Pool p : DevicesFile.defaults(Map.of("TANDEM_SIM_DEVICES", "1", "TANDEM_WEB_DEVICES", "0"))) {
            all.add(new LocalPool(p));
        }
        all.add(fakes);
        sources = new DeviceSources(all);
        Log quiet = new Log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "test");
        MachineLocks machine = new MachineLocks(locks, state.root().toString());
        Allocator allocator = new Allocator(sources.pool(), machine.claims(id -> false));
        RunnerLauncher processes = new RunnerLauncher(state, Map.of(), 0);
        supervisor = new RunnerSupervisor(state, sources.pool(), sources.starter(processes), p -> RunnerLauncher.Artifact.current(),
                machine, quiet);
        PlanRuns planRuns = new PlanRuns(allocator, supervisor, new RunnerClient(supervisor), Map.of(),
                new ActiveRuns(state.root().resolve("runs"), quiet), new History(state.history(), quiet), p -> true, quiet,
                () -> StateSecrets.read(state), List.of(), List.of());
        runs = new RunService(sources.pool(), allocator, supervisor, planRuns);
        FakeBackendProvider.EXECUTED.clear();
    }

    @AfterEach
    void stop() {
        supervisor.close();
    }

    @Test
    void theFakePlatformIsFoundLikeAnyBackendAndDeclaresItsTools() {
        PlatformProfile fake = PlatformProfile.of(FakeBackendProvider.FAKE);
        assertThat(fake.runnerJars()).contains("tandem-runner-", "tandem-fake-");
        assertThat(fake.tools()).doesNotContain(Tool.SWIPE, Tool.SYSTEM_TRAY).contains(Tool.TAP_ON, Tool.PING);
        assertThat(PlatformProfile.runnable()).extracting(PlatformProfile::name).startsWith("sim", "web").contains("fake");
        assertThat(sources.pool().ofPlatform(FakeBackendProvider.FAKE)).extracting(d -> d.id() + "@" + d.source())
                .containsExactly("fake-1@fakes", "fake-2@fakes");
    }

    @Test
    void aTwoDevicePlanRunsEndToEndOnTheFakePlatform() throws Exception {
        Path plan = write("chat.yaml", """
                devices: [A, B]
                steps:
                  - {tool: launchApp, device: A, appId: com.chat.app}
                  - {tool: launchApp, device: B, appId: com.chat.app}
                  - tool: criticalSection
                    params:
                      lock: chat
                      steps:
                        - {tool: tapOn, device: A, text: Send}
                        - {tool: assertVisible, device: B, text: Hello}
                  - {tool: barrier}
                  - {tool: inputText, device: B, text: Bye}
                """);
        Run r = run(plan, "fake");
        assertThat(r.exit).as(r.events).isZero();
        JsonNode results = results(r);
        assertThat(results.path("status").asText()).isEqualTo("passed");
        assertThat(results.path("devices").path("A").path("device").asText()).startsWith("fake-");
        assertThat(results.path("devices").path("B").path("platform").asText()).isEqualTo("fake");
        List<String> all = new ArrayList<>();
        FakeBackendProvider.EXECUTED.values().forEach(all::addAll);
        assertThat(all).contains("launchApp", "tapOn", "assertVisible", "inputText");
        assertThat(fakes.started).as("each device's runner ran in-process").hasSize(2);
    }

    @Test
    void aStepItsPlatformCannotDoIsRefusedBeforeAnyRunnerStarts() throws Exception {
        Path plan = write("swipe.yaml", """
                devices: [A, B]
                steps:
                  - {tool: launchApp, device: A, appId: com.chat.app}
                  - {tool: launchApp, device: B, appId: com.chat.app}
                  - {tool: swipe, device: B, direction: up}
                """);
        Run r = run(plan, "fake");
        assertThat(r.exit).isEqualTo(2);
        JsonNode error = r.error();
        assertThat(error.path("code").asText()).isEqualTo("UNSUPPORTED_ON_PLATFORM");
        assertThat(error.path("message").asText())
                .isEqualTo(plan + ":5:5: plan step 2 (swipe) cannot run on device B: platform fake does not support swipe; "
                        + "run B on another platform (`device B=sim` or `platform:` in its devices entry), or remove the step.");
        assertThat(fakes.started).as("no runner started").isEmpty();
        assertThat(FakeBackendProvider.EXECUTED).isEmpty();
        assertThat(supervisor.list()).isEmpty();
    }

    @Test
    void aLabelPutOnTheFakePlatformByItsDeviceFlagIsCheckedToo() throws Exception {
        Path plan = write("mixed.yaml", """
                devices: [A, B]
                steps:
                  - {tool: swipe, device: A, direction: up}
                  - {tool: scrollUntilVisible, device: B, text: Item 40}
                """);
        Run onSim = run(plan, "sim", Map.of("A", "sim", "B", "fake"));
        assertThat(onSim.exit).isEqualTo(2);
        assertThat(onSim.error().path("message").asText()).isEqualTo(plan + ":4:5: plan step 1 (scrollUntilVisible) cannot run on "
                + "device B: platform fake does not support scrollUntilVisible; run B on another platform (`device B=sim`), "
                + "or remove the step.");
        assertThat(fakes.started).isEmpty();
        assertThat(supervisor.list()).as("nor a sim runner: the check comes before allocation").isEmpty();
    }

    @Test
    void aSingleDevicePlanNamesThePlatformAndTheFix() throws Exception {
        Path plan = write("tray.yaml", """
                steps:
                  - {tool: launchApp, appId: com.chat.app}
                  - {tool: systemTray, action: open}
                """);
        Run r = run(plan, "fake");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.error().path("message").asText()).contains(plan + ":3:5: plan step 1 (systemTray) cannot run on the plan's device")
                .contains("platform fake does not support systemTray").contains("`device sim`");
        assertThat(fakes.started).isEmpty();
    }

    private record Run(int exit, String events, Path output) {
        JsonNode error() {
            for (String line : events.split("\n")) {
                JsonNode e = Json.tree(line.getBytes(StandardCharsets.UTF_8));
                if (e.path("event").asText().equals("error")) return e.path("error");
            }
            throw new AssertionError("no error event in " + events);
        }
    }

    private Run run(Path plan, String platform) throws InterruptedException {
        return run(plan, platform, Map.of());
    }

    private Run run(Path plan, String platform, Map<String, String> devices) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path output = plans.resolve("out");
        int exit = runs.run(new RunRequest(plan.toString(), devices, platform, null, null, output.toString(), 5_000L,
                ProcessHandle.current().pid(), null, List.of()), new RunEvents(out));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), output);
    }

    private static JsonNode results(Run r) throws IOException {
        try (var dirs = Files.list(r.output())) {
            Path dir = dirs.findFirst().orElseThrow();
            return Json.tree(Files.readAllBytes(dir.resolve("results.json")));
        }
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(plans.resolve(name), yaml);
    }
}
