package dev.tandem.daemon.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another user of the machine cannot turn Tandem's device lock files against a file of ours. */
class MachineLocksTest {
    @TempDir Path tmp;

    @Test
    void createsItsDirectoryOwnerOnlyAndNamesTheHolder() throws Exception {
        Path dir = tmp.resolve("locks");
        MachineLocks locks = new MachineLocks(dir, "/my/home");
        assertThat(locks.acquire("sim-1")).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(Files.readString(dir.resolve("sim-1.owner"))).contains("/my/home");
        locks.release("sim-1");
    }

    @Test
    void aWorldWritableLockDirIsRefusedAndThePlantedLinkIsNeverFollowed() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("locks"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        Files.createSymbolicLink(dir.resolve("sim-8.owner"), victim);
        Files.createSymbolicLink(dir.resolve("sim-8.lock"), victim);

        assertThatThrownBy(() -> new MachineLocks(dir, "/my/home").acquire("sim-8"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSAFE_DIRECTORY);
                    assertThat(e.getMessage()).contains(dir.toString()).contains("rwxrwxrwx");
                });
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    @Test
    void aLockDirOfAnotherUserIsRefused() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to give a dir to another uid");
        Path dir = Files.createDirectory(tmp.resolve("locks"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(dir, "unix:uid", 65534);
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        Files.createSymbolicLink(dir.resolve("sim-8.owner"), victim);

        assertThatThrownBy(() -> new MachineLocks(dir, "/my/home").acquire("sim-8"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNSAFE_DIRECTORY);
                    assertThat(e.getMessage()).contains("belongs to");
                });
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    @Test
    void symlinksInsideTheLockDirAreNeverFollowed() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("locks"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        Files.createSymbolicLink(dir.resolve("sim-8.owner"), victim);
        Files.createSymbolicLink(dir.resolve("sim-9.lock"), victim);
        MachineLocks locks = new MachineLocks(dir, "/my/home");

        assertThatThrownBy(() -> locks.acquire("sim-8")).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSAFE_DIRECTORY));
        assertThatThrownBy(() -> locks.acquire("sim-9")).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSAFE_DIRECTORY));
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(locks.heldElsewhere("sim-9")).isEmpty();
    }

    @Test
    void aSymlinkedLockDirIsRefused() throws Exception {
        Path real = Files.createDirectory(tmp.resolve("elsewhere"));
        Path dir = Files.createSymbolicLink(tmp.resolve("locks"), real);
        assertThatThrownBy(() -> new MachineLocks(dir, "/my/home").acquire("sim-1"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.getMessage()).contains("symbolic link"));
        assertThat(Files.list(real)).isEmpty();
    }

    @Test
    void theDefaultIsAPerUserDirectoryNotAPredictableTmpPath() throws Exception {
        Path runtime = Files.createDirectory(tmp.resolve("run-user"));
        assertThat(MachineLocks.defaultDir(Map.of("XDG_RUNTIME_DIR", runtime.toString())))
                .isEqualTo(runtime.resolve("tandem").resolve("device-locks"));
        Path fallback = MachineLocks.defaultDir(Map.of());
        assertThat(fallback.toString()).doesNotStartWith(System.getProperty("java.io.tmpdir"));
        assertThat(fallback.startsWith(Path.of(System.getProperty("user.home")))).as(fallback.toString()).isTrue();
        assertThat(MachineLocks.defaultDir(Map.of("TANDEM_DEVICE_LOCK_DIR", "/x/y"))).isEqualTo(Path.of("/x/y"));
        assertThat(MachineLocks.defaultDir(Map.of("XDG_RUNTIME_DIR", tmp.resolve("absent").toString())))
                .as("a runtime dir that does not exist is not used").isEqualTo(fallback);
    }

}
