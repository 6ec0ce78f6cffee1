package dev.tandem.daemon.prepare;

import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.state.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The daemon's source of runner artifacts: prepares a platform implicitly on its first use (a
 * progress line in the daemon log), then launches every runner of that platform from the prepared
 * artifact. When preparing fails, runners start from the daemon's own classpath (key {@code dev})
 * and the log says why: a broken cache slows runs down, it never fails them. A failure is retried
 * after {@link #RETRY_MS}.
 */
public final class PreparedArtifacts {
    /** Bound on an implicit prepare (a web miss starts Chromium twice). */
    static final long PREPARE_TIMEOUT_MS = 180_000;
    static final long RETRY_MS = 5 * 60_000;

    private record Known(RunnerLauncher.Artifact artifact, Path manifest, long at) {}

    private final Preparer preparer;
    private final Supplier<RunnerLauncher.Artifact> fallback;
    private final Log log;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, String> identityKeys = new ConcurrentHashMap<>();

    public PreparedArtifacts(Preparer preparer, Supplier<RunnerLauncher.Artifact> fallback, Log log) {
        this.preparer = preparer;
        this.fallback = fallback;
        this.log = log;
    }

    /** The daemon's: this process's distribution and JDK, the state dir's cache (or {@code TANDEM_CACHE_DIR}). */
    public static PreparedArtifacts forDaemon(StateDir state, Map<String, String> env, Log log) {
        CacheLayout cache = CacheLayout.of(state.cache(), env);
        RunnerLauncher.Artifact unprepared = RunnerLauncher.Artifact.current();
        Preparer preparer = new Preparer(cache, IdentitySource.forThisProcess(), new JvmRunnerOps(cache, state.logs()),
                unprepared.javaBin(), log::info);
        return new PreparedArtifacts(preparer, () -> unprepared, log);
    }

    /** What to launch the platform's runners from; prepares on first use. Never throws. */
    public RunnerLauncher.Artifact artifact(String platform) {
        Known k = known.get(platform);
        if (usable(k)) return k.artifact();
        synchronized (locks.computeIfAbsent(platform, x -> new Object())) {
            k = known.get(platform);
            if (usable(k)) return k.artifact();
            k = prepare(platform);
            known.put(platform, k);
            return k.artifact();
        }
    }

    /** Whether the platform's artifact is known (a runner start will not have to prepare first). */
    public boolean ready(String platform) {
        return usable(known.get(platform));
    }

    /**
     * The key a runner of this platform must report to be adopted: the prepared one when known,
     * else the key the current identity hashes to (computed without building), else {@code dev}.
     */
    public String currentKey(String platform) {
        Known k = known.get(platform);
        if (usable(k)) return k.artifact().artifactKey();
        try {
            // adoption asks once per runner file: hash the jars once per platform
            return identityKeys.computeIfAbsent(platform, x -> preparer.identities().identify(PlatformProfile.of(x)).key());
        } catch (RuntimeException e) {
            return fallback.get().artifactKey();
        }
    }

    private boolean usable(Known k) {
        if (k == null) return false;
        // a prepared artifact deleted meanwhile is prepared again; a fallback is retried after a while
        if (k.manifest() != null) return Files.isRegularFile(k.manifest());
        return System.currentTimeMillis() - k.at() < RETRY_MS;
    }

    private Known prepare(String platform) {
        PlatformProfile profile;
        try {
            profile = PlatformProfile.of(platform);
        } catch (IllegalArgumentException e) {
            return new Known(fallback.get(), null, System.currentTimeMillis());
        }
        log.info("preparing the " + platform + " runner artifact (first use in this daemon)…");
        PrepareResult r = preparer.prepare(profile, PREPARE_TIMEOUT_MS);
        if (r.ok()) {
            log.info(platform + " runner artifact " + r.artifactKey() + " ready: " + r.cache().json()
                    + (r.recoveryReason() != null ? " (" + r.recoveryReason() + ")" : "") + " in " + r.durationMs() + " ms");
            Path manifest = preparer.cache().artifactDir(profile, r.artifactKey()).resolve(Manifest.FILE);
            return new Known(r.artifact(), manifest, System.currentTimeMillis());
        }
        RunnerLauncher.Artifact dev = fallback.get();
        log.warn("cannot prepare the " + platform + " runner artifact (" + r.failureCode() + ": " + r.failureReason()
                + "); starting its runners unprepared (key " + dev.artifactKey() + "); retrying in " + RETRY_MS / 60_000 + " min."
                + " `tandem prepare --platform " + platform + " --json` shows the same check");
        return new Known(dev, null, System.currentTimeMillis());
    }
}
