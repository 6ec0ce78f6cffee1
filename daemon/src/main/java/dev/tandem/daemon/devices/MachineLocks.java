package dev.tandem.daemon.devices;

import dev.tandem.daemon.state.FileLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Machine-wide device locks, so two daemons (two state dirs) never drive one device. A daemon holds
 * a device's lock while it has a runner for it; the lock file names the holder's pid and state
 * dir. The directory is shared by every daemon of this user on the machine
 * ({@code $TANDEM_DEVICE_LOCK_DIR}, default {@code /tmp/tandem-device-locks-$USER}).
 */
public final class MachineLocks {
    /** Who holds a device. */
    public record Holder(long pid, String home) {
        @Override
        public String toString() {
            return "pid " + pid + ", state dir " + home;
        }
    }

    private final Path dir;
    private final String home;
    private final Map<String, FileLock> held = new ConcurrentHashMap<>();

    public MachineLocks(Path dir, String home) {
        this.dir = dir;
        this.home = home;
    }

    public static Path defaultDir(Map<String, String> env) {
        String configured = env.get("TANDEM_DEVICE_LOCK_DIR");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("java.io.tmpdir"), "tandem-device-locks-" + System.getProperty("user.name"));
    }

    /** Takes the device's lock for this daemon; the holder when another daemon has it. */
    public synchronized Optional<Holder> acquire(String deviceId) {
        if (held.containsKey(deviceId)) return Optional.empty();
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(deviceId + ".lock");
            Optional<FileLock> lock = FileLock.tryAcquire(file);
            if (lock.isEmpty()) return Optional.of(readHolder(file));
            Files.writeString(dir.resolve(deviceId + ".owner"), ProcessHandle.current().pid() + "\n" + home + "\n");
            held.put(deviceId, lock.get());
            return Optional.empty();
        } catch (IOException e) {
            // no lock directory: this daemon cannot coordinate; say so rather than drive blindly
            return Optional.of(new Holder(-1, "unknown (cannot use " + dir + ": " + e.getMessage() + ")"));
        }
    }

    public synchronized void release(String deviceId) {
        FileLock l = held.remove(deviceId);
        if (l != null) l.close();
    }

    /** The other daemon holding the device, if any (this daemon's own locks do not count). */
    public Optional<Holder> heldElsewhere(String deviceId) {
        if (held.containsKey(deviceId)) return Optional.empty();
        Path file = dir.resolve(deviceId + ".lock");
        if (!Files.exists(file)) return Optional.empty();
        try {
            Optional<FileLock> probe = FileLock.tryAcquire(file);
            if (probe.isPresent()) {
                probe.get().close();
                return Optional.empty();
            }
            return Optional.of(readHolder(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Holder readHolder(Path lockFile) {
        Path owner = lockFile.resolveSibling(lockFile.getFileName().toString().replace(".lock", ".owner"));
        try {
            var lines = Files.readAllLines(owner);
            return new Holder(Long.parseLong(lines.get(0).trim()), lines.size() > 1 ? lines.get(1) : "?");
        } catch (IOException | RuntimeException e) {
            return new Holder(FileLock.holderPid(lockFile), "?");
        }
    }
}
