package dev.tandem.runner;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One runner per device: the runner itself holds {@code runner.lock} in its device's work dir for
 * its whole life (the OS drops it when the process dies), so a second runner for the same device
 * and state dir — say after a daemon crash lost the first one's state file — refuses to start
 * rather than share a browser profile with it. The file holds the holder's pid.
 */
final class DeviceLock {
    static final String FILE = "runner.lock";

    /** Held until the process exits; a static reference so the channel (and its lock) is never collected. */
    private static FileChannel held;

    private DeviceLock() {}

    static synchronized void acquire(Path workDir, String device) throws IOException {
        Files.createDirectories(workDir);
        Path file = workDir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new TandemException(ErrorCode.DEVICE_UNAVAILABLE, "another runner (pid " + holder(file) + ") already drives "
                    + device + " from " + workDir + "; two runners must never share a device's work dir. Stop that one"
                    + " (`tandem daemon stop` stops the daemon's runners) and rerun");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        ch.force(false);
        held = ch;
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
