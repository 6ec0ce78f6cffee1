package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.os.Host;
import dev.tandem.protocol.os.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Chromium is looked for, per OS, on a fake file tree (no browser needed). */
class ChromiumBinaryTest {
    private static final String CHROME = "Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    private static final String CHROMIUM = "Applications/Chromium.app/Contents/MacOS/Chromium";

    @TempDir
    Path root;

    private final Map<String, String> env = Map.of("HOME", "/Users/dev", "PATH", "/usr/bin:/bin");

    @Test
    void macFindsGoogleChromeInApplications() throws IOException {
        executable(CHROME);
        assertThat(ChromiumBinary.locate(env, mac())).isEqualTo(root.resolve(CHROME));
    }

    @Test
    void macPrefersChromiumAsThePathDoes() throws IOException {
        executable(CHROME);
        executable(CHROMIUM);
        assertThat(ChromiumBinary.locate(env, mac())).isEqualTo(root.resolve(CHROMIUM));
    }

    @Test
    void macLooksInTheUsersApplicationsToo() throws IOException {
        executable("Users/dev/" + CHROMIUM);
        assertThat(ChromiumBinary.locate(env, mac())).isEqualTo(root.resolve("Users/dev/" + CHROMIUM));
    }

    @Test
    void thePathComesBeforeAppBundles() throws IOException {
        executable(CHROME);
        Path bin = executable("opt/homebrew/bin/chromium"); // the chromium cask's shim
        Map<String, String> withPath = Map.of("HOME", "/Users/dev", "PATH", "/usr/bin:/opt/homebrew/bin");
        assertThat(ChromiumBinary.locate(withPath, mac())).isEqualTo(bin);
    }

    @Test
    void macSaysWhereItLookedAndWhatToInstall() {
        assertThatThrownBy(() -> ChromiumBinary.locate(env, mac()))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHROMIUM_MISSING))
                .hasMessageContaining("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
                .hasMessageContaining("/Users/dev/Applications/Chromium.app")
                .hasMessageContaining("brew install --cask google-chrome")
                .hasMessageNotContaining("apt-get");
    }

    @Test
    void linuxIgnoresAppBundlesAndSuggestsApt() throws IOException {
        executable(CHROME);
        assertThatThrownBy(() -> ChromiumBinary.locate(env, new Host(Os.LINUX, root, none())))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHROMIUM_MISSING))
                .hasMessageContaining("sudo apt-get install -y chromium")
                .hasMessageNotContaining("Applications");
    }

    @Test
    void aBadTandemChromiumSaysWhatToInstallOnThisOs() {
        assertThatThrownBy(() -> ChromiumBinary.locate(Map.of("TANDEM_CHROMIUM", "/nope"), mac()))
                .hasMessageContaining("TANDEM_CHROMIUM is set to '/nope'").hasMessageContaining("brew install");
    }

    private Host mac() {
        return new Host(Os.MAC, root, none());
    }

    private static dev.tandem.protocol.os.CommandRunner none() {
        return (cmd, t) -> {
            throw new AssertionError("no command expected: " + cmd);
        };
    }

    private Path executable(String path) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
