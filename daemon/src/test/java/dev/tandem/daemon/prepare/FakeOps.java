package dev.tandem.daemon.prepare;

import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** RunnerOps without processes: the "archive" is a text file, health is a switch, calls are counted. */
final class FakeOps implements RunnerOps {
    final AtomicInteger trains = new AtomicInteger();
    final AtomicInteger healthChecks = new AtomicInteger();
    volatile String healthFailure;
    volatile String archiveRejection;
    /** False: the faults above belong to the artifact built so far, and a (re)build clears them. */
    volatile boolean persistentFaults;
    /** Training blocks until this opens (for concurrency tests); open by default. */
    volatile CountDownLatch release = new CountDownLatch(0);
    final CountDownLatch trainingStarted = new CountDownLatch(1);

    @Override
    public void train(PlatformProfile platform, RunnerLauncher.Artifact artifact, ArchiveKind kind, Path archive, long deadlineNanos) {
        trains.incrementAndGet();
        trainingStarted.countDown();
        if (!persistentFaults) {
            healthFailure = null;
            archiveRejection = null;
        }
        try {
            if (!release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the test never released training");
            Files.writeString(archive, "archive for " + artifact.artifactKey() + " cp " + artifact.classpath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String archiveProblem(PlatformProfile platform, RunnerLauncher.Artifact artifact, ArchiveKind kind, Path archive,
            long deadlineNanos) {
        return archiveRejection;
    }

    @Override
    public String healthProblem(PlatformProfile platform, RunnerLauncher.Artifact artifact, long deadlineNanos) {
        healthChecks.incrementAndGet();
        return healthFailure;
    }
}
