package dev.tandem.protocol.state;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A directory only this user can write: created 0700, and before each use checked to be a real
 * directory (not a symlink) owned by this user that no one else may write into. A directory
 * someone else prepared could hold planted symlinks; it is refused rather than trusted.
 */
public final class PrivateDir {
    private PrivateDir() {}

    /** Creates (0700) or checks {@code dir}; throws {@code UNSAFE_DIRECTORY} naming what is wrong. */
    public static Path ensure(Path dir, String what) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                if (dir.toAbsolutePath().getParent() != null) Files.createDirectories(dir.toAbsolutePath().getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException raced) {
                    // created meanwhile (by us or someone else): checked below either way
                }
            }
            PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) throw unsafe(dir, what, "is a symbolic link");
            if (!a.isDirectory()) throw unsafe(dir, what, "is not a directory");
            UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!a.owner().getName().equals(me.getName())) {
                throw unsafe(dir, what, "belongs to " + a.owner().getName() + ", not to " + me.getName());
            }
            Set<PosixFilePermission> p = a.permissions();
            if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw unsafe(dir, what, "has mode " + PosixFilePermissions.toString(p) + ", so other users can write into it");
            }
            return dir;
        } catch (UnsupportedOperationException notPosix) {
            return dir; // no owners or modes to check on this file system
        } catch (IOException e) {
            throw new TandemException(ErrorCode.UNSAFE_DIRECTORY, "cannot use " + what + " " + dir + ": " + e);
        }
    }

    private static TandemException unsafe(Path dir, String what, String why) {
        return new TandemException(ErrorCode.UNSAFE_DIRECTORY, what + " " + dir + " " + why + "; Tandem refuses to use it");
    }
}
