package dev.tandem.daemon.prepare;

import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerLauncher;
import java.nio.file.Path;

/**
 * What preparing needs a real JVM for. {@link JvmRunnerOps} runs real runner processes; unit tests
 * pass a fake, so the cache logic is tested without processes. Every method returns or throws by
 * {@code deadlineNanos} ({@link System#nanoTime}).
 */
public interface RunnerOps {

    /**
     * Runs a runner from {@code artifact}'s jars with {@code kind}'s training options (e.g.
     * {@code -XX:AOTCacheOutput=archive}), sends it the platform's training commands and stops it,
     * so the JVM writes the archive. Throws a {@link dev.tandem.protocol.TandemException} when no
     * archive results.
     */
    void train(PlatformProfile platform, RunnerLauncher.Artifact artifact, ArchiveKind kind, Path archive, long deadlineNanos);

    /** Null when the JVM maps {@code archive} with the artifact's classpath and flags; else why not. */
    String archiveProblem(PlatformProfile platform, RunnerLauncher.Artifact artifact, ArchiveKind kind, Path archive,
            long deadlineNanos);

    /**
     * Null when a runner started from {@code artifact} answers {@code /v1/uptime} with the artifact
     * key and completes the platform's health command; else why not. The runner is stopped after.
     */
    String healthProblem(PlatformProfile platform, RunnerLauncher.Artifact artifact, long deadlineNanos);
}
