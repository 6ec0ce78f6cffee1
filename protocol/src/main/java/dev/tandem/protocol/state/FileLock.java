package dev.tandem.protocol.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A cross-process exclusive lock on a file (POSIX fcntl lock through the JDK). The OS releases it
 * when the holder dies, so a killed process never leaves a stale lock. The holder's pid is written
 * into the file for error messages. Lock files are opened without following symlinks.
 */
public final class FileLock implements AutoCloseable {
    private final FileChannel channel;
    private final java.nio.channels.FileLock lock;

    private FileLock(FileChannel channel, java.nio.channels.FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock if free; empty if another process holds it. */
    public static Optional<FileLock> tryAcquire(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // never through a symlink: a planted link must not make us truncate and write someone's file
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try {
            java.nio.channels.FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes()));
            return Optional.of(new FileLock(ch, l));
        } catch (OverlappingFileLockException e) {
            ch.close();
            return Optional.empty();
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** Waits (bounded, polling) for the lock. */
    public static Optional<FileLock> acquire(Path file, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        long pause = 2;
        while (true) {
            Optional<FileLock> l = tryAcquire(file);
            if (l.isPresent() || System.nanoTime() - deadline >= 0) return l;
            Thread.sleep(pause); // a cross-process lock offers no wake-up; back off briefly
            pause = Math.min(50, pause * 2);
        }
    }

    /**
     * The pid of the live process holding the lock, if any, without taking it for long or writing
     * into the file (a probe must not overwrite the holder's pid).
     */
    public static Optional<Long> heldBy(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            java.nio.channels.FileLock l = ch.tryLock();
            if (l != null) {
                l.release();
                return Optional.empty();
            }
            return Optional.of(holderPid(file));
        } catch (OverlappingFileLockException e) {
            return Optional.of(ProcessHandle.current().pid());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The pid recorded by the current holder, or -1. */
    public static long holderPid(Path file) {
        try {
            try (var in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                return Long.parseLong(new String(in.readNBytes(64)).trim());
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // released by the OS at exit anyway
        }
    }
}
