package dev.tandem.daemon.devices;

import dev.tandem.protocol.state.FileLock;
import dev.tandem.protocol.state.PrivateDir;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Machine-wide device locks, so two daemons (two state dirs) never drive one device. A daemon holds
 * a device's lock while it has a runner for it; the owner file names the holder's pid and state
 * dir. The directory is shared by every daemon of this user on the machine and private to the
 * user: {@code $TANDEM_DEVICE_LOCK_DIR}, else {@code $XDG_RUNTIME_DIR/tandem/device-locks}, else
 * {@code ~/.cache/tandem/device-locks}; created 0700 and refused when another user owns it or may
 * write into it. Lock and owner files are never opened through a symlink.
 */
public final class MachineLocks {
    /** Who holds a device. */
    public record Holder(long pid, String home) {
        @Override
        public String toString() {
            return "pid " + pid + ", state dir " + home;
        }
    }

    private static final String WHAT = "the device lock directory";

    private final Path dir;
    private final String home;
    private final Map<String, FileLock> held = new ConcurrentHashMap<>();

    public MachineLocks(Path dir, String home) {
        this.dir = dir.toAbsolutePath().normalize();
        this.home = home;
    }

    public static Path defaultDir(Map<String, String> env) {
        String configured = env.get("TANDEM_DEVICE_LOCK_DIR");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        // per user and per machine: a predictable shared /tmp path would let another user plant files
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "tandem", "device-locks");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "tandem", "device-locks");
    }

    public Path dir() {
        return dir;
    }

    /**
     * Takes the device's lock for this daemon; the holder when another daemon has it.
     *
     * @throws TandemException UNSAFE_DIRECTORY when the directory or a file in it cannot be trusted
     */
    public synchronized Optional<Holder> acquire(String deviceId) {
        if (held.containsKey(deviceId)) return Optional.empty();
        PrivateDir.ensure(dir, WHAT);
        Path file = dir.resolve(deviceId + ".lock");
        try {
            Optional<FileLock> lock = FileLock.tryAcquire(file);
            if (lock.isEmpty()) return Optional.of(readHolder(file));
            try {
                writeOwner(dir.resolve(deviceId + ".owner"));
            } catch (IOException e) {
                lock.get().close();
                throw e;
            }
            held.put(deviceId, lock.get());
            return Optional.empty();
        } catch (IOException e) {
            throw new TandemException(ErrorCode.UNSAFE_DIRECTORY, "cannot use the lock of " + deviceId + " in " + WHAT + " "
                    + dir + " (" + e.getMessage() + "; a symbolic link there is refused); remove that file and rerun");
        }
    }

    public boolean holds(String deviceId) {
        return held.containsKey(deviceId);
    }

    /**
     * These locks as the allocator's claims: taken with a grant, given back when the lease ends
     * unless {@code stillNeeded} says a runner of this daemon keeps the device.
     */
    public DeviceClaims claims(java.util.function.Predicate<String> stillNeeded) {
        MachineLocks locks = this;
        return new DeviceClaims() {
            @Override
            public Optional<Holder> heldElsewhere(String deviceId) {
                return locks.heldElsewhere(deviceId);
            }

            @Override
            public boolean held(String deviceId) {
                return locks.holds(deviceId);
            }

            @Override
            public Optional<Holder> claim(String deviceId) {
                return locks.acquire(deviceId);
            }

            @Override
            public void unclaim(String deviceId) {
                if (!stillNeeded.test(deviceId)) locks.release(deviceId);
            }
        };
    }

    public synchronized void release(String deviceId) {
        FileLock l = held.remove(deviceId);
        if (l != null) l.close();
    }

    /** The other daemon holding the device, if any (this daemon's own locks do not count). */
    public Optional<Holder> heldElsewhere(String deviceId) {
        if (held.containsKey(deviceId)) return Optional.empty();
        Path file = dir.resolve(deviceId + ".lock");
        // a regular file only: anything else is refused with a clear error when the device starts
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
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

    private void writeOwner(Path owner) throws IOException {
        byte[] text = (ProcessHandle.current().pid() + "\n" + home + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(owner, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            ch.write(ByteBuffer.wrap(text));
        }
    }

    private Holder readHolder(Path lockFile) {
        Path owner = lockFile.resolveSibling(lockFile.getFileName().toString().replace(".lock", ".owner"));
        try (var in = Files.newInputStream(owner, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            var lines = new String(in.readNBytes(4096), StandardCharsets.UTF_8).lines().toList();
            return new Holder(Long.parseLong(lines.get(0).trim()), lines.size() > 1 ? lines.get(1) : "?");
        } catch (IOException | RuntimeException e) {
            return new Holder(FileLock.holderPid(lockFile), "?");
        }
    }
}
