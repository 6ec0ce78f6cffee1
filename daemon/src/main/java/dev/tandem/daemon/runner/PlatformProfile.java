package dev.tandem.daemon.runner;

import dev.tandem.device.BackendProvider;
import dev.tandem.device.PlatformRow;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.Tool;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The daemon's view of one platform: the row its backend declares ({@link BackendProvider#row()}),
 * found through {@code ServiceLoader}. The daemon keeps no table of its own: a platform exists when
 * its backend module is on the classpath.
 */
public record PlatformProfile(PlatformRow row) {

    /** Every backend on the classpath; well-known platforms first (sim, web, …), then by name. */
    private static final class Loaded {
        static final List<PlatformProfile> ALL = BackendProvider.all().stream()
                .map(p -> new PlatformProfile(p.row()))
                .sorted(Comparator.comparingInt((PlatformProfile p) -> rank(p.platform())).thenComparing(PlatformProfile::name))
                .toList();

        private static int rank(Platform p) {
            int i = Platform.WELL_KNOWN.indexOf(p);
            return i < 0 ? Integer.MAX_VALUE : i;
        }
    }

    public Platform platform() {
        return row.platform();
    }

    public String name() {
        return row.platform().name();
    }

    public String runnerMain() {
        return row.runnerMain();
    }

    public List<String> jvmOptions() {
        return row.jvmOptions();
    }

    public List<String> externalTools() {
        return row.externalTools();
    }

    public String cacheFolder() {
        return row.cacheFolder();
    }

    public String healthCommand() {
        return row.healthCommand();
    }

    public List<String> runnerJars() {
        return row.runnerJars();
    }

    public List<PlatformRow.Command> training() {
        return row.training();
    }

    public Set<Tool> tools() {
        return row.tools();
    }

    public static PlatformProfile of(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown platform '" + name + "'; available: "
                + runnable().stream().map(PlatformProfile::name).toList()));
    }

    public static PlatformProfile of(Platform platform) {
        return of(platform.name());
    }

    public static Optional<PlatformProfile> find(String name) {
        return Loaded.ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The platforms whose backend is on the classpath, well-known ones first. */
    public static List<PlatformProfile> runnable() {
        return Loaded.ALL;
    }
}
