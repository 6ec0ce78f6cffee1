package dev.tandem.daemon.prepare;

import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.state.FileLock;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Prepares a platform's runner artifact under the platform's cache lock: an exact hit is validated
 * (metadata, digests, the JVM accepts the archive) and health-checked; a miss is built and
 * health-checked; a bad artifact is marked, cleaned, rebuilt once and health-checked again, and if
 * it is still bad, preparing fails. Old artifacts are pruned. Used by {@code tandem prepare} and by
 * the daemon (implicitly, on a platform's first use).
 */
public final class Preparer {
    private final CacheLayout cache;
    private final IdentitySource identities;
    private final RunnerOps ops;
    private final String javaBin;
    private final Consumer<String> progress;

    public Preparer(CacheLayout cache, IdentitySource identities, RunnerOps ops, String javaBin, Consumer<String> progress) {
        this.cache = cache;
        this.identities = identities;
        this.ops = ops;
        this.javaBin = javaBin;
        this.progress = progress;
    }

    public CacheLayout cache() {
        return cache;
    }

    public IdentitySource identities() {
        return identities;
    }

    /** Never throws: every failure is a result with {@code ok: false}. */
    public PrepareResult prepare(PlatformProfile platform, long timeoutMs) {
        Run run = new Run(platform, System.nanoTime(), timeoutMs);
        IdentitySource.Found found;
        try {
            found = identities.identify(platform);
        } catch (TandemException e) {
            run.lookupDone();
            return run.failed(PrepareResult.Cache.MISS, null, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            run.lookupDone();
            return run.failed(PrepareResult.Cache.MISS, null, ErrorCode.PREPARE_FAILED, "computing the identity failed: " + e);
        }
        String key = found.key();
        try {
            Files.createDirectories(cache.platformDir(platform));
            Optional<CacheLock> lock = CacheLock.acquire(cache.lockFile(platform), run.deadline);
            if (lock.isEmpty()) {
                run.lookupDone();
                return run.failed(PrepareResult.Cache.MISS, key, ErrorCode.PREPARE_FAILED, "another prepare (pid "
                        + FileLock.holderPid(cache.lockFile(platform)) + ") held " + cache.lockFile(platform)
                        + " past the " + timeoutMs / 1000 + " s timeout; wait for it, or raise --timeout");
            }
            try (CacheLock held = lock.get()) {
                return underLock(run, found, key);
            }
        } catch (IOException e) {
            return run.failed(PrepareResult.Cache.MISS, key, ErrorCode.PREPARE_FAILED, "cannot use the cache lock "
                    + cache.lockFile(platform) + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check that "
                    + cache.root() + " is a writable directory (TANDEM_CACHE_DIR, if set, names it)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.failed(PrepareResult.Cache.MISS, key, ErrorCode.PREPARE_FAILED, "interrupted while preparing");
        }
    }

    private PrepareResult underLock(Run run, IdentitySource.Found found, String key) {
        PlatformProfile p = run.platform;
        Path dir = cache.artifactDir(p, key);
        RunnerLauncher.Artifact artifact = CacheLayout.artifact(dir, found.identity(), javaBin);
        boolean existed = Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        String problem = existed ? validate(run, found.identity(), dir, artifact) : null;
        run.lookupDone();
        if (existed && problem == null) {
            String sick = run.health(() -> ops.healthProblem(p, artifact, run.deadline));
            if (sick == null) {
                CacheLayout.touch(dir);
                prune(p, dir);
                return run.ok(PrepareResult.Cache.HIT, key, null, artifact);
            }
            problem = "health check failed: " + sick;
        }
        if (existed) {
            progress.accept(p.name() + ": the cached runner artifact " + key + " is bad (" + problem + "); rebuilding it once");
            String cleaned = run.build(() -> clean(dir));
            if (cleaned != null) {
                return run.failed(PrepareResult.Cache.REBUILT, key, ErrorCode.PREPARE_FAILED, "the cached artifact is bad ("
                        + problem + ") and cannot be removed: " + cleaned);
            }
        } else {
            progress.accept(p.name() + ": building runner artifact " + key + " (a training run records its class-data archive)…");
        }
        String failure = buildAndCheck(run, found, dir, artifact);
        prune(p, dir);
        PrepareResult.Cache kind = existed ? PrepareResult.Cache.REBUILT : PrepareResult.Cache.MISS;
        if (failure == null) return run.ok(kind, key, existed ? problem : null, artifact);
        return run.failed(kind, key, ErrorCode.PREPARE_FAILED, existed
                ? "the cached artifact was bad (" + problem + "), was rebuilt once, and is still bad: " + failure
                : failure);
    }

    /** Why the existing artifact is unusable, or null. Cheapest checks first. */
    private String validate(Run run, Identity identity, Path dir, RunnerLauncher.Artifact artifact) {
        if (!cache.contains(dir)) return dir + " is not a directory inside the cache";
        String problem = Metadata.problem(dir, identity);
        if (problem == null) problem = Manifest.problem(dir, identity);
        if (problem == null) {
            String rejected;
            try {
                rejected = ops.archiveProblem(run.platform, artifact, identity.archive(), CacheLayout.archive(dir, identity), run.deadline);
            } catch (RuntimeException e) {
                rejected = e.getMessage();
            }
            if (rejected != null) problem = "the JVM rejects the archive: " + rejected;
        }
        return problem;
    }

    /** Builds into {@code dir} (absent), then health-checks; null when good, else why (and {@code dir} is removed). */
    private String buildAndCheck(Run run, IdentitySource.Found found, Path dir, RunnerLauncher.Artifact artifact) {
        PlatformProfile p = run.platform;
        String failure = run.build(() -> {
            try {
                Files.createDirectories(dir.resolve(CacheLayout.LIB));
                List<String> files = new ArrayList<>();
                for (Path jar : found.jars()) {
                    String rel = CacheLayout.LIB + "/" + jar.getFileName();
                    Files.copy(jar, dir.resolve(rel));
                    files.add(rel);
                }
                ArchiveKind kind = found.identity().archive();
                Path archive = CacheLayout.archive(dir, found.identity());
                ops.train(p, artifact, kind, archive, run.deadline);
                if (!Files.isRegularFile(archive)) return "the training run wrote no " + kind.file();
                files.add(kind.file());
                Manifest.write(dir, files);
                // the copies must be the jars the key was computed from (a jar may change mid-build)
                String mismatch = Manifest.problem(dir, found.identity());
                if (mismatch != null) return "the new artifact does not match its identity (" + mismatch + "); rerun";
                String rejected = ops.archiveProblem(p, artifact, kind, archive, run.deadline);
                if (rejected != null) return "the JVM rejects the new archive: " + rejected;
                new Metadata(Metadata.SCHEMA_VERSION, found.key(), System.currentTimeMillis(), javaBin, found.identity()).write(dir);
                return null;
            } catch (IOException e) {
                return "cannot write " + dir + ": " + e.getMessage();
            } catch (TandemException e) {
                return e.getMessage();
            } catch (RuntimeException e) {
                return e.toString();
            }
        });
        if (failure == null) {
            String sick = run.health(() -> ops.healthProblem(p, artifact, run.deadline));
            if (sick != null) failure = "the new artifact failed its health check: " + sick;
        } else {
            failure = "building failed: " + failure;
        }
        if (failure != null) clean(dir);
        return failure;
    }

    private String clean(Path dir) {
        try {
            cache.markAndClean(dir);
            return null;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void prune(PlatformProfile p, Path current) {
        try {
            for (Path gone : cache.prune(p, current)) progress.accept(p.name() + ": pruned " + gone.getFileName());
        } catch (IOException e) {
            progress.accept(p.name() + ": could not prune old artifacts (" + e.getMessage() + "); retried next time");
        }
    }

    /** One prepare's clock and deadline; phases are timed as they run. */
    private static final class Run {
        final PlatformProfile platform;
        final long start;
        final long deadline;
        long lookupMs;
        long buildMs;
        long healthMs;

        Run(PlatformProfile platform, long start, long timeoutMs) {
            this.platform = platform;
            this.start = start;
            this.deadline = start + Math.max(1, timeoutMs) * 1_000_000L;
        }

        void lookupDone() {
            lookupMs = (System.nanoTime() - start) / 1_000_000;
        }

        String build(java.util.function.Supplier<String> step) {
            long t = System.nanoTime();
            try {
                return timedOut() ? "the timeout ran out" : step.get();
            } finally {
                buildMs += (System.nanoTime() - t) / 1_000_000;
            }
        }

        String health(java.util.function.Supplier<String> step) {
            long t = System.nanoTime();
            try {
                return timedOut() ? "the timeout ran out before it" : step.get();
            } catch (RuntimeException e) {
                return e instanceof TandemException ? e.getMessage() : e.toString();
            } finally {
                healthMs += (System.nanoTime() - t) / 1_000_000;
            }
        }

        private boolean timedOut() {
            return System.nanoTime() - deadline >= 0;
        }

        PrepareResult ok(PrepareResult.Cache cache, String key, String recovery, RunnerLauncher.Artifact artifact) {
            return new PrepareResult(true, platform.name(), cache, key, elapsed(), timing(), recovery, null, null, artifact);
        }

        PrepareResult failed(PrepareResult.Cache cache, String key, ErrorCode code, String reason) {
            return new PrepareResult(false, platform.name(), cache, key, elapsed(), timing(), null, reason, code.name(), null);
        }

        private PrepareResult.Timing timing() {
            return new PrepareResult.Timing(lookupMs, buildMs, healthMs);
        }

        private long elapsed() {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }
}
