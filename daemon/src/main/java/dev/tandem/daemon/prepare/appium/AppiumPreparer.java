package dev.tandem.daemon.prepare.appium;

import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.daemon.prepare.CacheLock;
import dev.tandem.daemon.prepare.PrepareResult;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.state.FileLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Prepares the Appium install for a set of drivers under the cache's Appium lock, as
 * {@link dev.tandem.daemon.prepare.Preparer} does for runner artifacts: an existing install is
 * validated and health-checked (a hit); a missing one is built in a scratch dir, renamed into
 * place and health-checked (a miss); a bad one is marked, cleaned and rebuilt once (rebuilt, with
 * {@code recoveryReason}); still bad fails. Old installs are pruned.
 */
public final class AppiumPreparer {
    private static final AtomicLong SCRATCH_IDS = new AtomicLong();
    private final CacheLayout cache;
    private final AppiumOps ops;
    private final Consumer<String> progress;
    private final String os;
    private final String arch;

    public AppiumPreparer(CacheLayout cache, AppiumOps ops, Consumer<String> progress) {
        this(cache, ops, progress, System.getProperty("os.name", "?"), System.getProperty("os.arch", "?"));
    }

    AppiumPreparer(CacheLayout cache, AppiumOps ops, Consumer<String> progress, String os, String arch) {
        this.cache = cache;
        this.ops = ops;
        this.progress = progress;
        this.os = os;
        this.arch = arch;
    }

    /** Never throws: every failure is a result with {@code ok: false}. No names: the fake driver ({@link AppiumPins#DEFAULT_DRIVERS}). */
    public AppiumPrepareResult prepare(Set<String> automationNames, long timeoutMs) {
        boolean defaulted = automationNames.isEmpty();
        Run run = new Run(System.nanoTime(), timeoutMs, defaulted);
        Map<String, AppiumPins.Driver> pins;
        AppiumIdentity identity;
        try {
            pins = AppiumPins.drivers(defaulted ? AppiumPins.DEFAULT_DRIVERS : automationNames);
            NodeVersion node = ops.node(run.deadline);
            if (!node.satisfies(AppiumPins.NODE_ENGINES)) {
                throw new TandemException(ErrorCode.NODE_MISSING, "Node.js " + node + " is too old for Appium " + AppiumPins.APPIUM_VERSION
                        + " (it needs " + AppiumPins.NODE_ENGINES + "): install Node.js 20.19 or later (nodejs.org, or `brew install node`)");
            }
            String xcode = pins.containsKey(AppiumPins.XCUITEST) ? ops.xcode(run.deadline) : null;
            identity = AppiumIdentity.of(pins, node, xcode, os, arch);
        } catch (IllegalArgumentException e) {
            run.lookupDone();
            return run.failed(PrepareResult.Cache.MISS, null, ErrorCode.PREPARE_FAILED, e.getMessage() + ": fix appium:automationName in the devices file");
        } catch (TandemException e) {
            run.lookupDone();
            return run.failed(PrepareResult.Cache.MISS, null, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            run.lookupDone();
            return run.failed(PrepareResult.Cache.MISS, null, ErrorCode.PREPARE_FAILED, "computing the install's identity failed: " + e);
        }
        String key = identity.key();
        Path folder = AppiumInstalls.folder(cache.root());
        Path lockFile = folder.resolve(".lock");
        try {
            Files.createDirectories(folder);
            Optional<CacheLock> lock = CacheLock.acquire(lockFile, run.deadline);
            if (lock.isEmpty()) {
                run.lookupDone();
                return run.failed(PrepareResult.Cache.MISS, key, ErrorCode.PREPARE_FAILED, "another prepare (pid "
                        + FileLock.holderPid(lockFile) + ") held " + lockFile + " past the " + timeoutMs / 1000
                        + " s timeout; wait for it, or raise --timeout");
            }
            try (CacheLock held = lock.get()) {
                return underLock(run, identity, key, folder.resolve(key));
            }
        } catch (IOException e) {
            return run.failed(PrepareResult.Cache.MISS, key, ErrorCode.PREPARE_FAILED, "cannot use the cache lock " + lockFile + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check that " + cache.root()
                    + " is a writable directory (TANDEM_CACHE_DIR, if set, names it)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.failed(PrepareResult.Cache.MISS, key, ErrorCode.PREPARE_FAILED, "interrupted while preparing");
        }
    }

    private AppiumPrepareResult underLock(Run run, AppiumIdentity identity, String key, Path dir) {
        AppiumInstall install = install(dir, identity, key);
        boolean existed = Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        String problem = existed ? AppiumInstalls.problem(cache.root(), dir) : null;
        run.lookupDone();
        if (existed && problem == null) {
            String sick = run.health(() -> ops.healthProblem(install, run.deadline));
            if (sick == null) {
                CacheLayout.touch(dir);
                prune(dir);
                return run.ok(PrepareResult.Cache.HIT, install, null);
            }
            problem = "health check failed: " + sick;
        }
        if (existed) {
            progress.accept("appium: the cached install " + key + " is bad (" + problem + "); rebuilding it once");
            String cleaned = run.build(() -> clean(dir));
            if (cleaned != null) {
                return run.failed(PrepareResult.Cache.REBUILT, key, ErrorCode.PREPARE_FAILED, "the cached install is bad (" + problem
                        + ") and cannot be removed: " + cleaned);
            }
        } else {
            progress.accept("appium: installing " + identity.appium() + " with " + String.join(", ", identity.drivers().values())
                    + " from the npm registry into " + dir + "…");
        }
        String failure = buildAndCheck(run, identity, dir, install);
        prune(dir);
        PrepareResult.Cache kind = existed ? PrepareResult.Cache.REBUILT : PrepareResult.Cache.MISS;
        if (failure == null) return run.ok(kind, install, existed ? problem : null);
        return run.failed(kind, key, ErrorCode.PREPARE_FAILED, existed
                ? "the cached install was bad (" + problem + "), was rebuilt once, and is still bad: " + failure
                : failure);
    }

    static AppiumInstall install(Path dir, AppiumIdentity identity, String key) {
        Map<String, String> versions = new TreeMap<>();
        identity.drivers().forEach((name, spec) -> versions.put(name, AppiumManifest.versionOf(spec)));
        return AppiumInstall.at(dir, key, AppiumManifest.versionOf(identity.appium()), versions);
    }

    /**
     * Installs into a scratch dir and renames it into place, so {@code dir} never holds half an
     * install; then health-checks it and writes the metadata last. Null when good, else why (and
     * nothing is left).
     */
    private String buildAndCheck(Run run, AppiumIdentity identity, Path dir, AppiumInstall install) {
        Path scratch = dir.resolveSibling(".scratch-" + ProcessHandle.current().pid() + "-" + SCRATCH_IDS.incrementAndGet());
        String failure = run.build(() -> {
            try {
                ops.install(scratch, identity, run.deadline);
                // Appium records each driver's absolute install path here; without it the first
                // `appium` command of the renamed install records the paths under the key
                CacheLayout.deleteTree(scratch.resolve(AppiumInstall.HOME).resolve("node_modules/.cache/appium"));
                AppiumManifest.write(scratch, identity);
                Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
                return null;
            } catch (IOException e) {
                return "cannot write " + scratch + ": " + e.getMessage();
            } catch (TandemException e) {
                return e.getMessage();
            } catch (RuntimeException e) {
                return e.toString();
            } finally {
                if (Files.exists(scratch, LinkOption.NOFOLLOW_LINKS)) clean(scratch);
            }
        });
        if (failure != null) return "installing failed: " + failure;
        String sick = run.health(() -> ops.healthProblem(install, run.deadline));
        if (sick == null) {
            try {
                new AppiumMetadata(AppiumIdentity.SCHEMA_VERSION, install.key(), System.currentTimeMillis(), identity).write(dir);
                return null;
            } catch (IOException e) {
                sick = "cannot write " + dir.resolve(AppiumMetadata.FILE) + ": " + e.getMessage();
            }
        }
        clean(dir);
        return "the new install failed its health check: " + sick;
    }

    private String clean(Path dir) {
        try {
            cache.markAndClean(dir);
            return null;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void prune(Path current) {
        try {
            for (Path gone : AppiumPrune.prune(current.getParent(), current)) progress.accept("appium: pruned " + gone.getFileName());
        } catch (IOException e) {
            progress.accept("appium: could not prune old installs (" + e.getMessage() + "); retried next time");
        }
    }

    /** One prepare's clock and deadline; phases are timed as they run. */
    private static final class Run {
        final long start;
        final long deadline;
        final boolean defaulted;
        long lookupMs;
        long buildMs;
        long healthMs;

        Run(long start, long timeoutMs, boolean defaulted) {
            this.start = start;
            this.deadline = start + Math.max(1, timeoutMs) * 1_000_000L;
            this.defaulted = defaulted;
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

        AppiumPrepareResult ok(PrepareResult.Cache cache, AppiumInstall install, String recovery) {
            return new AppiumPrepareResult(true, AppiumPrepareResult.PLATFORM, cache, install.key(), elapsed(), timing(), recovery, null,
                    null, install.dir().toString(), install.appiumVersion(), install.drivers(), defaulted);
        }

        AppiumPrepareResult failed(PrepareResult.Cache cache, String key, ErrorCode code, String reason) {
            return new AppiumPrepareResult(false, AppiumPrepareResult.PLATFORM, cache, key, elapsed(), timing(), null, reason, code.name(),
                    null, null, null, defaulted);
        }

        private PrepareResult.Timing timing() {
            return new PrepareResult.Timing(lookupMs, buildMs, healthMs);
        }

        private long elapsed() {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }
}
