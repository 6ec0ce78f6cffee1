package dev.tandem.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Creates the state dir's directories with a message a user can act on when a file stands where a
 * directory must be (the JDK only says {@code FileAlreadyExistsException}).
 */
public final class Dirs {
    private Dirs() {}

    /** Creates {@code dir} and its parents; {@code STATE_DIR_BROKEN} naming the file in the way. */
    public static Path ensure(Path dir, String what) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
                    throw new TandemException(ErrorCode.STATE_DIR_BROKEN, "cannot create " + what + " " + dir + ": " + p
                            + " is a file, not a directory; move it aside (`mv " + p + " " + p + ".bak`) and rerun");
                }
            }
            throw new TandemException(ErrorCode.STATE_DIR_BROKEN, "cannot create " + what + " " + dir + ": " + e.getMessage(), e);
        }
    }
}
