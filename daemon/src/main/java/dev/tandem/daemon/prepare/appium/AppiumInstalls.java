package dev.tandem.daemon.prepare.appium;

import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds prepared Appium installs at run time: {@code <cache>/appium/<key>/} directories that are
 * finished (metadata written after a passed health check), self-consistent and hold the pinned
 * versions. Cheap: reads two small JSON files and digests a few {@code package.json}s per
 * install, never runs node or npm (so the Node version is not re-checked here; prepare does).
 */
public final class AppiumInstalls {
    /** The cache folder: {@code <cache>/appium/}. */
    public static final String FOLDER = "appium";

    private AppiumInstalls() {}

    public static Path folder(Path cacheRoot) {
        return cacheRoot.toAbsolutePath().normalize().resolve(FOLDER);
    }

    /**
     * The newest healthy install holding every one of {@code automationNames} at its pinned
     * version (an empty set: any install), built for this OS and architecture; empty when none is.
     */
    public static Optional<AppiumInstall> find(Path cacheRoot, Set<String> automationNames) {
        Path folder = folder(cacheRoot);
        if (!Files.isDirectory(folder)) return Optional.empty();
        List<Found> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path dir : s.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                Found f = usable(cacheRoot, dir, automationNames);
                if (f != null) found.add(f);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return found.stream().max(Comparator.comparingLong(Found::createdAt)).map(Found::install);
    }

    /** {@link #find}, or the {@code APPIUM_NOT_PREPARED} error saying what to run. */
    public static AppiumInstall require(Path cacheRoot, Set<String> automationNames) {
        return find(cacheRoot, automationNames).orElseThrow(() -> missing(cacheRoot, automationNames));
    }

    /** The error for no install holding {@code automationNames}: names the drivers, the cache and the command. */
    public static TandemException missing(Path cacheRoot, Set<String> automationNames) {
        List<String> wanted = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String n : new java.util.TreeSet<>(automationNames)) {
            Optional<AppiumPins.Driver> d = AppiumPins.driver(n);
            if (d.isPresent()) wanted.add(d.get().automationName() + " (" + d.get().spec() + ")");
            else unknown.add(n);
        }
        if (!unknown.isEmpty()) {
            return new TandemException(ErrorCode.APPIUM_NOT_PREPARED, "Tandem has no Appium driver for automationName "
                    + String.join(", ", unknown) + "; the drivers it installs are "
                    + String.join(", ", AppiumPins.DRIVERS.stream().map(AppiumPins.Driver::automationName).toList())
                    + ": fix appium:automationName in the devices file");
        }
        return new TandemException(ErrorCode.APPIUM_NOT_PREPARED, "no prepared Appium install in " + folder(cacheRoot)
                + " holds " + AppiumPins.appiumSpec() + (wanted.isEmpty() ? "" : " with " + String.join(", ", wanted))
                + "; run `tandem prepare --platform appium` (with the same devices file) to install it");
    }

    /**
     * Why the install in {@code dir} cannot be used, or null: a real directory inside the cache,
     * metadata and manifest intact and consistent, the server's entry point executable.
     */
    static String problem(Path cacheRoot, Path dir) {
        if (!new CacheLayout(cacheRoot).contains(dir)) return dir + " is not a directory inside the cache";
        AppiumMetadata m;
        try {
            m = AppiumMetadata.read(dir);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        String p = AppiumManifest.problem(dir, m.identity());
        if (p != null) return p;
        Path bin = CacheLayout.inside(dir, AppiumInstall.BIN);
        if (bin == null || !Files.isExecutable(bin)) return AppiumInstall.BIN + " is not an executable inside the install";
        return null;
    }

    private record Found(AppiumInstall install, long createdAt) {}

    private static Found usable(Path cacheRoot, Path dir, Set<String> automationNames) {
        if (problem(cacheRoot, dir) != null) return null;
        AppiumMetadata m = AppiumMetadata.read(dir);
        AppiumIdentity id = m.identity();
        if (!id.appium().equals(AppiumPins.appiumSpec())) return null;
        if (!id.os().equals(System.getProperty("os.name")) || !id.arch().equals(System.getProperty("os.arch"))) return null;
        for (String name : automationNames) {
            Optional<AppiumPins.Driver> pin = AppiumPins.driver(name);
            if (pin.isEmpty() || !pin.get().spec().equals(id.drivers().get(pin.get().automationName()))) return null;
        }
        Map<String, String> versions = new TreeMap<>();
        id.drivers().forEach((name, spec) -> versions.put(name, AppiumManifest.versionOf(spec)));
        return new Found(AppiumInstall.at(dir.toAbsolutePath().normalize(), m.key(), AppiumManifest.versionOf(id.appium()), versions),
                m.createdAt());
    }
}
