package dev.tandem.cli.commands;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A plan path is usable only when it names a regular file (a symlink to one is fine). Anything else
 * is refused at once, by what it is: opening a FIFO would block forever, /dev/zero never ends.
 */
public final class PlanFile {
    private PlanFile() {}

    /** Why {@code path} is not a plan file, or empty when it is one. */
    public static Optional<TandemException> problem(Path path) {
        Path abs = path.toAbsolutePath();
        try {
            BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
            if (a.isRegularFile()) return Optional.empty();
            return Optional.of(new TandemException(ErrorCode.PLAN_NOT_FOUND, abs + " is " + kind(abs, a)
                    + ", not a plan file; a plan is a regular YAML file"));
        } catch (NoSuchFileException e) {
            return Optional.of(new TandemException(ErrorCode.PLAN_NOT_FOUND, "no plan file at " + abs));
        } catch (IOException e) {
            return Optional.of(new TandemException(ErrorCode.PLAN_NOT_FOUND, "cannot read the plan at " + abs + ": " + e.getMessage()));
        }
    }

    private static String kind(Path p, BasicFileAttributes a) {
        if (a.isDirectory()) return "a directory";
        try {
            int type = (Integer) Files.getAttribute(p, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }
}
