package dev.tandem.daemon.runner;

import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.state.StateDir;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Version;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts runner processes: builds the command line from the platform profile, hands the token over
 * in the environment, and reads the runner's one-line handshake (its bound port and boot id) with
 * a deadline. The runner binds its own port, so there is no probe-then-bind race.
 */
public final class RunnerLauncher implements RunnerStarter {

    /**
     * What to launch a runner from.
     *
     * @param javaBin the java executable
     * @param classpath the runner's classpath
     * @param artifactKey the prepared artifact's key ({@code dev} when unprepared)
     * @param extraJvmOptions e.g. the AppCDS archive of a prepared artifact
     */
    public record Artifact(String javaBin, String classpath, String artifactKey, List<String> extraJvmOptions) {
        /** The daemon's own JVM and classpath, unprepared. */
        public static Artifact current() {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            return new Artifact(java, System.getProperty("java.class.path"), "dev", List.of());
        }
    }

    /** Per-device launch settings. */
    public record Launch(String deviceId, PlatformProfile platform, String profile, int port, Map<String, String> options) {}

    private final StateDir state;
    private final Map<String, String> extraEnv;
    private final long orphanTtlMs;

    /**
     * @param extraEnv environment for runners (e.g. the test-only fault switch)
     * @param orphanTtlMs how long a runner outlives its daemon waiting to be adopted (0: the runner's default)
     */
    public RunnerLauncher(StateDir state, Map<String, String> extraEnv, long orphanTtlMs) {
        this.state = state;
        this.extraEnv = Map.copyOf(extraEnv);
        this.orphanTtlMs = orphanTtlMs;
    }

    @Override
    public RunnerHandle start(Launch launch, Artifact artifact) {
        StrayRunners.stop(state, launch.deviceId());
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        List<String> cmd = new ArrayList<>();
        cmd.add(artifact.javaBin());
        cmd.addAll(launch.platform().jvmOptions());
        cmd.addAll(artifact.extraJvmOptions());
        cmd.addAll(List.of("-cp", artifact.classpath(), launch.platform().runnerMain(),
                "--device", launch.deviceId(),
                "--platform", launch.platform().name(),
                "--home", state.root().toString(),
                "--port", Integer.toString(launch.port()),
                "--artifact-key", artifact.artifactKey(),
                "--daemon-pid", Long.toString(ProcessHandle.current().pid())));
        if (launch.profile() != null) cmd.addAll(List.of("--profile", launch.profile()));
        if (orphanTtlMs > 0) cmd.addAll(List.of("--orphan-ttl-ms", Long.toString(orphanTtlMs)));
        launch.options().forEach((k, v) -> cmd.addAll(List.of("--opt", k + "=" + v)));
        Path log = state.logs().resolve("runner-" + launch.deviceId() + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(extraEnv);
        pb.environment().put("TANDEM_RUNNER_TOKEN", token);
        Process process;
        try {
            Files.createDirectories(state.logs());
            process = pb.start();
        } catch (IOException e) {
            throw new TandemException(ErrorCode.RUNNER_FAILED, "cannot start the runner for " + launch.deviceId()
                    + " (" + e.getMessage() + "); check that " + artifact.javaBin() + " exists");
        }
        JsonNode ready = handshake(process, launch.deviceId(), log, launch.platform().row().startTimeoutMs());
        RunnerFile file = new RunnerFile(launch.deviceId(), launch.platform().name(), launch.profile(), process.pid(),
                ready.path("port").asInt(), ready.path("bootId").asText(), token, artifact.artifactKey(),
                Version.VERSION, System.currentTimeMillis(), ports(ready));
        try {
            AtomicFiles.writeJson(state.runnerFile(launch.deviceId()), file, true);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new TandemException(ErrorCode.RUNNER_FAILED, "cannot record runner state in " + state.runners() + ": " + e.getMessage());
        }
        return new RunnerHandle(file, process, ready.path("deviceStateSurvivesRestart").asBoolean(false));
    }

    private static Map<String, Integer> ports(JsonNode ready) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        ready.path("ports").properties().forEach(e -> {
            if (e.getValue().canConvertToInt()) out.put(e.getKey(), e.getValue().asInt());
        });
        return out;
    }

    private static JsonNode handshake(Process process, String deviceId, Path log, long timeoutMs) {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = in.readLine()) != null) {
                    if (l.startsWith("TANDEM_RUNNER_")) {
                        line.complete(l);
                        return;
                    }
                }
                line.complete(null);
            } catch (IOException e) {
                line.complete(null);
            }
        });
        String l;
        try {
            l = line.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new TandemException(ErrorCode.RUNNER_FAILED, "the runner for " + deviceId + " did not report ready within "
                    + timeoutMs + " ms; see " + log);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TandemException(ErrorCode.RUNNER_FAILED, "interrupted while starting the runner for " + deviceId);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        if (l != null && l.startsWith("TANDEM_RUNNER_READY ")) return Json.tree(l.substring(20).getBytes(StandardCharsets.UTF_8));
        if (l != null && l.startsWith("TANDEM_RUNNER_FAILED ")) {
            try {
                ErrorInfo err = Json.read(l.substring(21), ErrorInfo.class);
                throw err.toException();
            } catch (IOException e) {
                // fall through to the generic message
            }
        }
        process.destroyForcibly();
        throw new TandemException(ErrorCode.RUNNER_FAILED, "the runner for " + deviceId + " exited during start-up"
                + lastLines(log));
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return tail.isEmpty() ? "; its log is " + log : ": " + String.join(" | ", tail) + " (log: " + log + ")";
        } catch (IOException e) {
            return "; its log is " + log;
        }
    }
}
