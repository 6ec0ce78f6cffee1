package dev.tandem.daemon.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.daemon.devices.GridEntries;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerFile;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.daemon.sources.grid.FakeGrid;
import dev.tandem.daemon.sources.grid.GridSessions;
import dev.tandem.device.AppiumLaunch;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateDir;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Appium device of a {@code grid} source: the daemon opens its session through the Grid (the
 * stereotype's capabilities, only into a free slot), records it before the runner starts, hands the
 * runner the session to attach to, and closes it when the runner exits.
 */
class GridAppiumSessionTest {
    static final Map<String, Object> STEREOTYPE = Map.of("platformName", "Fake", "appium:automationName", "Fake",
            "appium:app", "/apps/shop.xml");

    @TempDir
    Path home;
    FakeGrid grid;
    StateDir state;
    GridSource source;
    /** What the source started the runner with, and the stand-in for its process. */
    final AtomicReference<RunnerLauncher.Launch> started = new AtomicReference<>();
    final CompletableFuture<Void> runnerExit = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        grid = new FakeGrid(STEREOTYPE, Map.of("platformName", "Fake", "pixelRatio", 2));
        state = new StateDir(home.resolve("state")).ensure();
        Log quiet = new Log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "test");
        source = new GridSource(new GridEntries.Source("lab", grid.url(), List.of(STEREOTYPE), null, List.of("pixel-7")),
                new GridSessions(state, quiet), home.resolve("locks"), quiet);
    }

    @AfterEach
    void stop() {
        source.close();
        grid.close();
    }

    @Test
    void theDaemonOpensTheSessionRecordsItAndTheRunnerAttachesToIt() throws Exception {
        assertThat(source.devices()).extracting(d -> d.id()).containsExactly("lab-appium-fake-1");
        source.open(launch(), RunnerLauncher.Artifact.current(), this::startRunner);

        assertThat(grid.requests("POST", "/session")).hasSize(1);
        assertThat(Map.copyOf(dev.tandem.protocol.Json.MAPPER.convertValue(
                grid.requests("POST", "/session").getFirst().body().at("/capabilities/alwaysMatch"), Map.class)))
                .as("the stereotype's capabilities, as the Appium backend would send them (no host ports for a Grid's node)")
                .isEqualTo(STEREOTYPE);
        AppiumLaunch appium = AppiumLaunch.fromOptions(started.get().options());
        assertThat(appium.server()).isEqualTo(grid.url());
        assertThat(appium.attached()).as("the runner attaches; it creates no session").isNotNull();
        assertThat(appium.attached().sessionId()).isEqualTo(FakeGrid.SESSION);
        assertThat(appium.attached().capabilities()).containsEntry("pixelRatio", 2);
        assertThat(records()).as("on record before the runner runs").hasSize(1);
        assertThat(grid.requests("DELETE", "/session/")).isEmpty();

        runnerExit.complete(null); // the lease ended: the runner exits
        assertThat(grid.requests("DELETE", "/session/" + FakeGrid.SESSION)).as("closed by the daemon when its runner exits").hasSize(1);
        assertThat(records()).isEmpty();
    }

    @Test
    void aRunnerThatCannotStartLeavesNoSession() throws Exception {
        assertThatThrownBy(() -> source.open(launch(), RunnerLauncher.Artifact.current(), (l, a) -> {
            throw new TandemException(ErrorCode.RUNNER_FAILED, "no runner");
        })).hasMessageContaining("no runner");
        assertThat(grid.requests("DELETE", "/session/" + FakeGrid.SESSION)).hasSize(1);
        assertThat(records()).isEmpty();
    }

    @Test
    void aSlotHeldByAnotherClientFailsAtOnceWithoutQueueingOnTheGrid() throws Exception {
        grid.takeTheSlot();
        assertThatThrownBy(() -> source.open(launch(), RunnerLauncher.Artifact.current(), this::startRunner))
                .isInstanceOf(TandemException.class).hasMessageContaining("has no free")
                .satisfies(e -> assertThat(((TandemException) e).code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE));
        assertThat(grid.requests("POST", "/session")).as("never queued behind the other client").isEmpty();
        assertThat(started.get()).isNull();
    }

    private RunnerLauncher.Launch launch() {
        return new RunnerLauncher.Launch("lab-appium-fake-1", PlatformProfile.of(FakeBackendProvider.FAKE), null, 0, Map.of());
    }

    private RunnerHandle startRunner(RunnerLauncher.Launch launch, RunnerLauncher.Artifact artifact) {
        started.set(launch);
        RunnerFile file = new RunnerFile(launch.deviceId(), launch.platform().name(), null, ProcessHandle.current().pid(), 1, "boot",
                "token", artifact.artifactKey(), "dev", System.currentTimeMillis());
        return RunnerHandle.inProcess(file, new RunnerHandle.InProcess() {
            @Override
            public boolean alive() {
                return !runnerExit.isDone();
            }

            @Override
            public void stop() {
                runnerExit.complete(null);
            }

            @Override
            public CompletableFuture<?> exited() {
                return runnerExit;
            }
        }, false);
    }

    private List<Path> records() throws Exception {
        Path dir = state.runners().resolve("grid-sessions");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
