package dev.tandem.daemon.prepare;

import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.daemon.runner.RunnerLauncher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where prepared artifacts live: {@code <cache>/<platform>/<key>/} with {@code lib/*.jar}, the
 * archive ({@code runner.aot} or {@code runner.jsa}, see {@link ArchiveKind}), {@code manifest.json}
 * and {@code metadata.json}; the platform's lock is
 * {@code <cache>/<platform>/.lock}. Dot-names are work dirs ({@code .bad-*}, {@code .scratch-*}),
 * never artifacts. Every path handed out is inside the cache dir.
 */
public record CacheLayout(Path root) {
    public static final String LIB = "lib";
    /** Artifacts kept per platform (the current one included); older ones are pruned. */
    public static final int KEEP = 3;

    public CacheLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code TANDEM_CACHE_DIR} when set (a cache shared by several state dirs, e.g. on CI), else {@code $TANDEM_HOME/cache}. */
    public static CacheLayout of(Path stateCache, Map<String, String> env) {
        String dir = env.get("TANDEM_CACHE_DIR");
        return new CacheLayout(dir != null && !dir.isBlank() ? Path.of(dir) : stateCache);
    }

    public Path platformDir(PlatformProfile p) {
        return root.resolve(p.cacheFolder());
    }

    public Path lockFile(PlatformProfile p) {
        return platformDir(p).resolve(".lock");
    }

    public Path artifactDir(PlatformProfile p, String key) {
        return platformDir(p).resolve(key);
    }

    /** {@code rel} resolved under {@code dir}, or null when it leads outside (absolute, {@code ..}, or through a link). */
    public static Path inside(Path dir, String rel) {
        if (rel == null || rel.isEmpty()) return null;
        Path r = Path.of(rel);
        if (r.isAbsolute()) return null;
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(r).normalize();
        if (!p.startsWith(base) || p.equals(base)) return null;
        try {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !p.toRealPath().startsWith(base.toRealPath())) return null;
        } catch (IOException e) {
            return null;
        }
        return p;
    }

    /** Whether {@code dir} is a real directory inside the cache (not a link pointing elsewhere). */
    public boolean contains(Path dir) {
        try {
            return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && dir.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The artifact's runner classpath: its jar copies, in the order the archive was trained with. */
    public static String classpath(Path dir, Identity identity) {
        List<String> jars = new ArrayList<>();
        for (String name : identity.jars().keySet()) jars.add(dir.resolve(LIB).resolve(name).toString());
        return String.join(File.pathSeparator, jars);
    }

    /** The artifact's archive file. */
    public static Path archive(Path dir, Identity identity) {
        return dir.resolve(identity.archive().file());
    }

    /** How the daemon launches runners from the artifact: its classpath and archive, key as given. */
    public static RunnerLauncher.Artifact artifact(Path dir, Identity identity, String javaBin) {
        List<String> options = new ArrayList<>(identity.archive().launchOptions(archive(dir, identity)));
        // JVM warnings go to the runner's log, never into its stdout handshake
        options.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr"));
        return new RunnerLauncher.Artifact(javaBin, classpath(dir, identity), identity.key(), List.copyOf(options));
    }

    /** Moves a bad artifact aside (so no launch picks it up again), then deletes it. */
    public void markAndClean(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        Path marked = dir.resolveSibling(".bad-" + dir.getFileName() + "-" + System.nanoTime());
        Files.move(dir, marked);
        deleteTree(marked);
    }

    /**
     * Keeps {@code current} and the newest others (by last use) up to {@link #KEEP}; deletes the
     * rest and leftover work dirs. Called under the platform's lock.
     */
    public List<Path> prune(PlatformProfile p, Path current) throws IOException {
        Path dir = platformDir(p);
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) return removed;
        List<Path> artifacts = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path e : s.toList()) {
                String n = e.getFileName().toString();
                if (n.startsWith(".bad-") || n.startsWith(".scratch-")) {
                    deleteTree(e);
                    removed.add(e);
                } else if (!n.startsWith(".") && !e.equals(current)) {
                    artifacts.add(e);
                }
            }
        }
        artifacts.sort(Comparator.comparing(CacheLayout::lastUsed).reversed());
        for (Path old : artifacts.subList(Math.min(artifacts.size(), KEEP - 1), artifacts.size())) {
            deleteTree(old);
            removed.add(old);
        }
        return removed;
    }

    /** Marks an artifact as just used, for pruning. */
    public static void touch(Path dir) {
        try {
            Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // pruning order only
        }
    }

    private static FileTime lastUsed(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Deletes a tree without following links out of it. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(root)) { // walk does not follow links by default
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause(); // a file vanished or appeared while walking: the caller retries later
        }
    }
}
