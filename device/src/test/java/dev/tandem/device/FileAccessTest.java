package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAccessTest {
    @TempDir
    Path dir;

    @Test
    void allowsFilesUnderAnAllowedRootOnlyAndDeniedRootsWin() throws Exception {
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Path home = Files.createDirectories(plans.resolve(".tandem"));
        FileAccess a = new FileAccess(List.of(plans), List.of(home));
        assertThat(a.permits(plans.resolve("page.html").toUri().toString())).isTrue();
        assertThat(a.permits(plans.resolve("sub dir/page.html").toUri() + "?q=1#top")).isTrue();
        assertThat(a.permits(home.resolve("daemon.json").toUri().toString())).isFalse();
        assertThat(a.permits("file://" + plans + "/../plans/.tandem/daemon.json")).isFalse();
        assertThat(a.permits(dir.resolve("other.html").toUri().toString())).isFalse();
        assertThat(a.permits("http://127.0.0.1:8080/x")).as("not a file: other rules apply").isTrue();
        assertThat(FileAccess.NONE.permits(plans.resolve("page.html").toUri().toString())).isFalse();
    }

    @Test
    void aSymlinkIsJudgedByWhereItLeads() throws Exception {
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Path secret = Files.writeString(Files.createDirectories(dir.resolve("home")).resolve("daemon.json"), "{}");
        Files.createSymbolicLink(plans.resolve("innocent.json"), secret);
        Files.createSymbolicLink(plans.resolve("home"), secret.getParent());
        FileAccess a = new FileAccess(List.of(plans), List.of());
        assertThat(a.permits(plans.resolve("innocent.json").toUri().toString())).isFalse();
        assertThat(a.permits(plans.resolve("home/daemon.json").toUri().toString())).isFalse();
        assertThat(a.permits("file://example.com" + plans.resolve("page.html"))).as("a remote host").isFalse();
    }
}
