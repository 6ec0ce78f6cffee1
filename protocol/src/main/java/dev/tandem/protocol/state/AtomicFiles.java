package dev.tandem.protocol.state;

import dev.tandem.protocol.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every state file is written to a temp file beside it and renamed over it, so a reader sees the
 * old or the new content, never half; and every read tolerates a torn or garbage file.
 */
public final class AtomicFiles {
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {}

    public static void write(Path target, byte[] content, boolean secret) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.write(tmp, content, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            if (secret) setOwnerOnly(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeJson(Path target, Object value, boolean secret) throws IOException {
        write(target, Json.bytes(value), secret);
    }

    /**
     * Reads a JSON state file. Missing: empty. Torn, garbage, or a {@link StateRecord} with an
     * unusable field: logged, moved aside as {@code NAME.corrupt} for inspection, and empty, so the
     * caller rebuilds it.
     */
    public static <T> Optional<T> readJson(Path file, Class<T> type, Log log) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            T value = Json.read(Files.readAllBytes(file), type);
            if (value == null) throw new IOException("empty document");
            if (value instanceof StateRecord r && !r.problems().isEmpty()) {
                throw new IOException(String.join(", ", r.problems()));
            }
            return Optional.of(value);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            log.warn("state file " + file + " is unreadable (" + why
                    + "); moving it aside and rebuilding");
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // someone else moved or replaced it: they are rebuilding it
            }
            return Optional.empty();
        }
    }

    public static void setOwnerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, OWNER_ONLY);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: nothing stronger to do
        }
    }
}
