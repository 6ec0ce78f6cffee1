package dev.tandem.protocol.state;

import dev.tandem.protocol.Dirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * {@code $TANDEM_HOME} (default {@code ~/.tandem}, mode 0700) and the files in it (DESIGN §5):
 * daemon.json + daemon.lock, start.lock, runners/, journal/, cache/, history/, logs/.
 */
public record StateDir(Path root) {

    public static StateDir resolve(Map<String, String> env) {
        String home = env.get("TANDEM_HOME");
        Path root = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".tandem");
        return new StateDir(root.toAbsolutePath().normalize());
    }

    /** Creates the directory tree with owner-only access. */
    public StateDir ensure() throws IOException {
        if (!Files.isDirectory(root)) Dirs.ensure(root, "the state dir");
        try {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system
        }
        for (Path p : new Path[] {runners(), journal(), cache(), history(), logs()}) Dirs.ensure(p, "part of the state dir,");
        return this;
    }

    public Path daemonJson() {
        return root.resolve("daemon.json");
    }

    public Path daemonLock() {
        return root.resolve("daemon.lock");
    }

    /** Serialises daemon start-up among CLIs, so N CLIs starting at once end with one daemon. */
    public Path startLock() {
        return root.resolve("start.lock");
    }

    public Path runners() {
        return root.resolve("runners");
    }

    public Path runnerFile(String deviceId) {
        return runners().resolve(deviceId + ".json");
    }

    public Path journal() {
        return root.resolve("journal");
    }

    public Path cache() {
        return root.resolve("cache");
    }

    public Path history() {
        return root.resolve("history");
    }

    public Path logs() {
        return root.resolve("logs");
    }
}
