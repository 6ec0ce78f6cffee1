package dev.tandem.daemon.prepare;

import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Version;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import dev.tandem.protocol.runner.Uptime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link RunnerOps} with real processes: the training run is the real runner started with the
 * archive kind's training option ({@code -XX:AOTCacheOutput}, or {@code -XX:ArchiveClassesAtExit}
 * before JDK 25) and driven over its HTTP protocol, then stopped with {@code POST /v1/shutdown}
 * (its exit writes the archive); the archive check is {@code java <strict archive options> -version}
 * with the runner's classpath and flags (the JVM refuses to start when it cannot map the archive:
 * another JDK, a damaged file, for AppCDS also a touched jar); the health check starts a runner from
 * the artifact. The last log of each kind is kept as {@code logs/prepare-<platform>-<what>.log}.
 */
public final class JvmRunnerOps implements RunnerOps {
    /** The sim's instant latency profile: training and health checks exercise code paths, not animation waits. */
    private static final Map<String, String> RUNNER_ENV = Map.of("TANDEM_SIM_LATENCY", "instant");
    /** The training run always warms up, whatever the caller's environment says: its classes belong in the archive. */
    private static final Map<String, String> TRAINING_ENV = Map.of("TANDEM_SIM_LATENCY", "instant", "TANDEM_RUNNER_PREWARM", "1");
    private static final long STEP_MS = 30_000;

    private final CacheLayout cache;
    private final Path logs;

    public JvmRunnerOps(CacheLayout cache, Path logs) {
        this.cache = cache;
        this.logs = logs;
    }

    @Override
    public void train(PlatformProfile p, RunnerLauncher.Artifact artifact, ArchiveKind kind, Path archive, long deadline) {
        // JVM warnings to the log, never into the handshake on stdout
        List<String> options = new ArrayList<>(List.of("-Xlog:disable", "-Xlog:all=warning:stderr"));
        options.addAll(kind.trainOptions(archive));
        RunnerLauncher.Artifact training = new RunnerLauncher.Artifact(artifact.javaBin(), artifact.classpath(),
                artifact.artifactKey(), List.copyOf(options));
        Path log = logs.resolve("prepare-" + p.name() + "-training.log");
        List<String> failed = new ArrayList<>();
        boolean exited;
        try (ScratchRunner r = ScratchRunner.start(cache.platformDir(p), p, training, TRAINING_ENV, log)) {
            r.uptime(bounded(deadline, 5_000)); // the daemon's first request to every runner: its classes belong in the archive
            for (dev.tandem.device.PlatformRow.Command c : p.training()) {
                CommandRecord rec = r.command(c.kind(), c.params(), bounded(deadline, STEP_MS));
                // a failing training command only means fewer classes archived: noted, not fatal
                if (rec == null || rec.state() != CommandState.COMPLETED) failed.add(c.kind());
            }
            exited = r.stop(bounded(deadline, 120_000)); // the JVM writes the archive on its way out
        } catch (IOException e) {
            throw new TandemException(ErrorCode.PREPARE_FAILED, "cannot start the training run: " + e.getMessage());
        } catch (TandemException e) {
            throw new TandemException(ErrorCode.PREPARE_FAILED, "the training run failed: " + e.getMessage() + "; log kept as " + log);
        }
        if (!exited) {
            throw new TandemException(ErrorCode.PREPARE_FAILED, "the training runner did not exit in time to write its archive;"
                    + " see " + log);
        }
        if (!Files.isRegularFile(archive)) {
            throw new TandemException(ErrorCode.PREPARE_FAILED, "the training run exited without writing " + archive.getFileName()
                    + " (does this JDK have its default CDS archive?); see " + log);
        }
        if (!failed.isEmpty()) {
            appendNote(log, "training commands that did not complete (fewer classes archived): " + failed);
        }
    }

    @Override
    public String archiveProblem(PlatformProfile p, RunnerLauncher.Artifact artifact, ArchiveKind kind, Path archive, long deadline) {
        List<String> cmd = new ArrayList<>(List.of(artifact.javaBin()));
        cmd.addAll(p.jvmOptions());
        cmd.addAll(kind.strictOptions(archive));
        cmd.addAll(List.of("-cp", artifact.classpath(), "-version"));
        Process proc;
        try {
            proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            return "cannot run " + artifact.javaBin() + ": " + e.getMessage();
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(proc.getInputStream()));
        try {
            long wait = bounded(deadline, STEP_MS);
            if (!proc.waitFor(wait, TimeUnit.MILLISECONDS)) {
                proc.destroyForcibly();
                return "java -version with the archive did not finish within " + wait + " ms";
            }
            if (proc.exitValue() == 0) return null;
            return "java exited with " + proc.exitValue() + ": " + reason(out.get(2, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            proc.destroyForcibly();
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return "java exited with " + proc.exitValue();
        }
    }

    @Override
    public String healthProblem(PlatformProfile p, RunnerLauncher.Artifact artifact, long deadline) {
        Path log = logs.resolve("prepare-" + p.name() + "-health.log");
        try (ScratchRunner r = ScratchRunner.start(cache.platformDir(p), p, artifact, RUNNER_ENV, log)) {
            Uptime u = r.uptime(bounded(deadline, 5_000));
            if (u == null) return "the runner did not answer /v1/uptime; see " + log;
            if (!artifact.artifactKey().equals(u.artifactKey())) {
                return "the runner reports artifact " + u.artifactKey() + ", not " + artifact.artifactKey();
            }
            if (!Version.VERSION.equals(u.version())) return "the runner is version " + u.version() + ", not " + Version.VERSION;
            if (!p.name().equals(u.backend())) return "the runner drives " + u.backend() + ", not " + p.name();
            CommandRecord rec = r.command(p.healthCommand(), Map.of(), bounded(deadline, 10_000));
            if (rec == null) return "the runner gave no reply to " + p.healthCommand() + "; see " + log;
            if (rec.state() != CommandState.COMPLETED) {
                return p.healthCommand() + " ended " + rec.state().name().toLowerCase() + (rec.error() == null ? "" : ": "
                        + rec.error().message());
            }
            return null;
        } catch (IOException e) {
            return "cannot start the runner: " + e.getMessage();
        } catch (TandemException e) {
            return e.getMessage() + " (log kept as " + log + ")";
        }
    }

    private static long bounded(long deadline, long capMs) {
        return Math.max(1, Math.min(capMs, (deadline - System.nanoTime()) / 1_000_000));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The JVM's own words: its first two warning/error lines (the cause comes first), else its last line. */
    private static String reason(String output) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> said = lines.stream().filter(l -> l.contains("[warning") || l.contains("[error") || l.startsWith("Error"))
                .limit(2).toList();
        if (!said.isEmpty()) return String.join(" / ", said);
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }

    private static void appendNote(Path log, String note) {
        try {
            Files.writeString(log, "prepare: " + note + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // a note only
        }
    }
}
