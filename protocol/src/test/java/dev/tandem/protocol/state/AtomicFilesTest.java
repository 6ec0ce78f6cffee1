package dev.tandem.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void secretFilesAreOwnerOnlyAndReadBack() throws Exception {
        Path f = dir.resolve("daemon.json");
        AtomicFiles.writeJson(f, new DaemonInfo(1, 2, "t", "v", 3, "h"), true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(AtomicFiles.readJson(f, DaemonInfo.class, Log.stderr("t"))).contains(new DaemonInfo(1, 2, "t", "v", 3, "h"));
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("daemon.json");
        }
    }

    @Test
    void garbageIsLoggedMovedAsideAndReadAsAbsent() throws Exception {
        Path f = dir.resolve("daemon.json");
        Files.writeString(f, "{\"pid\": 1, \"po");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        var read = AtomicFiles.readJson(f, DaemonInfo.class, new Log(new PrintStream(log, true), "t"));
        assertThat(read).isEmpty();
        assertThat(f).doesNotExist();
        assertThat(dir.resolve("daemon.json.corrupt")).exists();
        assertThat(log.toString()).contains("unreadable").contains("rebuilding");
    }

    @Test
    void emptyFileIsGarbageToo() throws Exception {
        Path f = dir.resolve("x.json");
        Files.write(f, new byte[0]);
        assertThat(AtomicFiles.readJson(f, DaemonInfo.class, new Log(new PrintStream(new ByteArrayOutputStream()), "t"))).isEmpty();
    }

    @Test
    void validJsonWithAnUnusableFieldIsGarbageToo() throws Exception {
        Path f = dir.resolve("daemon.json");
        Files.writeString(f, "{\"pid\": 12, \"port\": 0, \"version\": \"x\"}");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertThat(AtomicFiles.readJson(f, DaemonInfo.class, new Log(new PrintStream(log, true), "t"))).isEmpty();
        assertThat(dir.resolve("daemon.json.corrupt")).exists();
        assertThat(log.toString()).contains("port must be a port").contains("token is missing");
    }
}
