package dev.tandem.daemon.prepare;

import dev.tandem.protocol.state.FileLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A platform's cache lock: one holder across threads and processes. Threads of this JVM queue on
 * an in-process lock first, so only one of them ever touches the lock file: closing a second
 * channel on a file can drop this process's POSIX lock on it.
 */
public final class CacheLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileLock file;

    private CacheLock(ReentrantLock local, FileLock file) {
        this.local = local;
        this.file = file;
    }

    /** Waits until {@code deadlineNanos} (System.nanoTime) at most; empty if the lock stayed taken. */
    public static Optional<CacheLock> acquire(Path lockFile, long deadlineNanos) throws IOException, InterruptedException {
        ReentrantLock local = LOCAL.computeIfAbsent(lockFile.toAbsolutePath().normalize(), k -> new ReentrantLock(true));
        if (!local.tryLock(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) return Optional.empty();
        try {
            Optional<FileLock> f = FileLock.acquire(lockFile, Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000));
            if (f.isEmpty()) {
                local.unlock();
                return Optional.empty();
            }
            return Optional.of(new CacheLock(local, f.get()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** Whether a thread of this JVM is waiting for the lock (tests await this instead of sleeping). */
    static boolean hasLocalWaiters(Path lockFile) {
        ReentrantLock l = LOCAL.get(lockFile.toAbsolutePath().normalize());
        return l != null && l.hasQueuedThreads();
    }

    @Override
    public void close() {
        try {
            file.close();
        } finally {
            local.unlock();
        }
    }
}
