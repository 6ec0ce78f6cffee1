package dev.tandem.it.lifecycle;

import dev.tandem.apps.AppServices;
import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerHandle;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Real runner processes for lifecycle tests: {@code dev.tandem.runner.RunnerMain} as child JVMs on
 * this test JVM's classpath, launched by the daemon's own {@link RunnerLauncher}, with the test
 * fault switch on ({@code TANDEM_TEST_FAULTS=1}) and a private {@code TANDEM_HOME}. Tests that
 * restart runners by the hundred skip the sim warm-up and share a start-up cache (JDK AOT cache,
 * or a CDS archive before JDK 25) trained once per test JVM.
 */
final class RunnerProcesses implements AutoCloseable {
    private static List<String> startupCache;

    final StateDir state;
    private final RunnerLauncher launcher;
    private final List<String> jvmOptions;
    private final Set<RunnerHandle> started = ConcurrentHashMap.newKeySet();

    RunnerProcesses(Path home) {
        this(home, cacheOptions());
    }

    private RunnerProcesses(Path home, List<String> jvmOptions) {
        try {
            this.state = new StateDir(home).ensure();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a runner left behind by a crashed test JVM exits 10 s after it
        this.launcher = new RunnerLauncher(state, Map.of("TANDEM_TEST_FAULTS", "1", "TANDEM_RUNNER_PREWARM", "0"), 10_000);
        this.jvmOptions = jvmOptions;
    }

    /** Starts a sim runner for the device ({@code profile} null: instant) and waits for its handshake. */
    RunnerHandle start(String device, String profile) {
        RunnerLauncher.Artifact self = RunnerLauncher.Artifact.current();
        String classpath;
        try {
            classpath = TestClasspath.jarred();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunnerHandle h = launcher.start(new RunnerLauncher.Launch(device, PlatformProfile.of("sim"), profile, 0, Map.of()),
                new RunnerLauncher.Artifact(self.javaBin(), classpath, "dev", jvmOptions));
        started.add(h);
        return h;
    }

    /** Kills the runner for good and closes its connections. */
    static void retire(RunnerHandle h) {
        kill(h);
        h.client().close();
    }

    /** {@code kill -9}, and wait until the process is gone (its connections stay as they are). */
    static void kill(RunnerHandle h) {
        // a pid reused by a process started after our runner is not ours to kill
        ProcessHandle.of(h.pid()).filter(p -> p.info().startInstant()
                .map(t -> t.toEpochMilli() <= h.file().startedAt()).orElse(true)).ifPresent(p -> {
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("runner " + h.pid() + " did not die within 10 s", e);
            }
        });
    }

    Path journal(String device, String bootId) {
        return state.journal().resolve(device).resolve(bootId + ".jsonl");
    }

    Path log(String device) {
        return state.logs().resolve("runner-" + device + ".log");
    }

    @Override
    public void close() {
        started.forEach(RunnerProcesses::retire);
    }

    /** The start-up cache flags, trained on first use: a runner that launches, taps and observes, then exits. */
    static synchronized List<String> cacheOptions() {
        if (startupCache != null) return startupCache;
        startupCache = List.of();
        try {
            Path dir = TempDirs.create("tandem-runner-cache-");
            boolean aot = Runtime.version().feature() >= 25;
            Path file = dir.resolve(aot ? "runner.aot" : "runner.jsa");
            List<String> train = List.of(aot ? "-XX:AOTCacheOutput=" + file : "-XX:ArchiveClassesAtExit=" + file);
            try (AppServices services = AppServices.start();
                    RunnerProcesses p = new RunnerProcesses(dir.resolve("home"), train)) {
                RunnerHandle h = p.start("train", null);
                Commands.run(h, Tool.LAUNCH_APP, Commands.launch("com.tandem.counter", services, "train", "T"));
                Commands.run(h, Tool.TAP_ON, Json.object().put("id", "send"));
                Commands.run(h, Tool.ASSERT_VISIBLE, Json.object().put("text", "Sent +1"));
                Commands.run(h, Tool.LAUNCH_APP, Commands.launch("com.chat.app", services, "train", "T"));
                Commands.run(h, Tool.INPUT_TEXT, Json.object().put("id", "compose").put("text", "hi").put("imeAction", "send"));
                Commands.run(h, Tool.OBSERVE, Json.object());
                h.client().send("POST", "/v1/shutdown", new byte[0], 5_000);
                ProcessHandle.of(h.pid()).ifPresent(ph -> ph.onExit().orTimeout(120, TimeUnit.SECONDS).join());
            }
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                startupCache = new ArrayList<>(List.of(aot ? "-XX:AOTCache=" + file : "-XX:SharedArchiveFile=" + file));
            }
        } catch (IOException | RuntimeException e) {
            // an optimisation only: runners start without it, just slower
            System.err.println("runner start-up cache not trained: " + e);
        }
        return startupCache;
    }
}
