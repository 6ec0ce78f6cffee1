package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tandem} launcher's portable parts, run for real in bash with the script sourced (its
 * functions only): JDK discovery on fake Linux and macOS trees (SYSROOT, a fake HOME, OS=Darwin),
 * the readlink -f replacement, and the build lock with flock(1) and with perl's flock (macOS).
 * The PATH holds only the plain tools the script needs, so this machine's java never answers.
 */
class LauncherScriptTest {
    private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("tandem");
    private static final List<String> TOOLS = List.of("dirname", "basename", "readlink", "sed", "sort", "cut", "uname", "cat", "perl");

    @TempDir
    Path tmp;
    private Path sys;
    private Path home;
    private Path bin;

    @BeforeEach
    void tree() throws IOException {
        sys = Files.createDirectories(tmp.resolve("sys"));
        home = Files.createDirectories(tmp.resolve("home"));
        bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : TOOLS) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                Path real = Path.of(dir, tool);
                if (Files.isExecutable(real) && !Files.exists(bin.resolve(tool))) Files.createSymbolicLink(bin.resolve(tool), real);
            }
        }
    }

    @Test
    void linuxTakesTheNewestMajorByItsReleaseFile() throws Exception {
        jdk(sys.resolve("usr/lib/jvm/java-17-openjdk-amd64"), "17.0.12");
        jdk(sys.resolve("usr/lib/jvm/java-21-openjdk-amd64"), "21.0.5");
        Path newest = jdk(sys.resolve("usr/lib/jvm/temurin-25-jdk-amd64"), "25.0.1");
        jdk(home.resolve(".sdkman/candidates/java/22.0.2-tem"), "22.0.2");
        Files.createDirectories(sys.resolve("usr/lib/jvm/default-java-broken")); // no release file: skipped
        assertThat(bash("Linux", "find_jdk")).isEqualTo(newest.toString());
        assertThat(bash("Linux", "jdk_dirs | newest_first").lines().map(l -> l.replaceAll(".*/", "")))
                .containsExactly("temurin-25-jdk-amd64", "22.0.2-tem", "java-21-openjdk-amd64", "java-17-openjdk-amd64");
    }

    @Test
    void macFindsThePkgInstallersJdks() throws Exception {
        Path temurin = jdk(sys.resolve("Library/Java/JavaVirtualMachines/temurin-21.jdk/Contents/Home"), "21.0.5");
        assertThat(bash("Darwin", "find_jdk")).isEqualTo(temurin.toString());
    }

    @Test
    void macFindsIntelliJsAndHomebrewsJdks() throws Exception {
        Path intellij = jdk(home.resolve("Library/Java/JavaVirtualMachines/corretto-23/Contents/Home"), "23.0.1");
        Path brewArm = jdk(sys.resolve("opt/homebrew/opt/openjdk@21/libexec/openjdk.jdk/Contents/Home"), "21.0.5");
        Path brewIntel = jdk(sys.resolve("usr/local/opt/openjdk/libexec/openjdk.jdk/Contents/Home"), "25.0.1");
        assertThat(bash("Darwin", "jdk_dirs | newest_first").lines().toList())
                .containsExactly(brewIntel.toString(), intellij.toString(), brewArm.toString());
    }

    @Test
    void macAsksJavaHomeFirstAndLinuxNeverDoes() throws Exception {
        jdk(sys.resolve("Library/Java/JavaVirtualMachines/temurin-25.jdk/Contents/Home"), "25.0.1");
        Path registered = jdk(home.resolve("jdks/zulu-23"), "23.0.2");
        script(sys.resolve("usr/libexec/java_home"), "[ \"$1 $2\" = \"-v 21+\" ] || exit 2\necho '" + registered + "'\n");
        assertThat(bash("Darwin", "find_jdk")).isEqualTo(registered.toString());
        assertThat(bash("Linux", "find_jdk")).endsWith("temurin-25.jdk/Contents/Home");
    }

    @Test
    void macJavaHomeWithNoFittingJdkIsPassedOver() throws Exception {
        Path temurin = jdk(sys.resolve("Library/Java/JavaVirtualMachines/temurin-21.jdk/Contents/Home"), "21.0.5");
        script(sys.resolve("usr/libexec/java_home"), "echo 'Unable to find any JVMs matching version \"21+\".' >&2\nexit 1\n");
        assertThat(bash("Darwin", "find_jdk")).isEqualTo(temurin.toString());
    }

    @Test
    void explicitHomesComeFirstAndTooOldOnesAreSkipped() throws Exception {
        jdk(sys.resolve("usr/lib/jvm/temurin-25"), "25.0.1");
        Path j21 = jdk(tmp.resolve("my/jdk-21"), "21.0.5");
        Path j17 = jdk(tmp.resolve("my/jdk-17"), "17.0.12");
        assertThat(bash("Linux", "find_jdk", Map.of("JAVA_HOME", j21.toString()))).isEqualTo(j21.toString());
        assertThat(bash("Linux", "find_jdk", Map.of("TANDEM_JAVA_HOME", j17.toString(), "JAVA_HOME", j21.toString())))
                .isEqualTo(j21.toString());
    }

    @Test
    void javaOnThePathIsFollowedThroughSymlinks() throws Exception {
        Path jdk = jdk(tmp.resolve("opt/jdk-21.0.5"), "21.0.5");
        Files.createSymbolicLink(tmp.resolve("opt/current"), Path.of("jdk-21.0.5")); // relative, like alternatives
        Files.createSymbolicLink(bin.resolve("java"), tmp.resolve("opt/current/bin/java"));
        assertThat(bash("Darwin", "find_jdk")).isEqualTo(jdk.toRealPath().toString());
    }

    @Test
    void noJdkAtAllFails() throws Exception {
        jdk(sys.resolve("usr/lib/jvm/java-17"), "17.0.12");
        assertThat(bash("Linux", "find_jdk || echo none")).isEqualTo("none");
        assertThat(bash("Darwin", "find_jdk || echo none")).isEqualTo("none");
    }

    @Test
    void resolveFollowsChainsOfRelativeLinksAndLinkedDirs() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("a/b"));
        Files.writeString(real.resolve("tandem"), "#!/bin/sh\n");
        Files.createSymbolicLink(tmp.resolve("linkdir"), Path.of("a/b"));
        Files.createSymbolicLink(tmp.resolve("one"), Path.of("linkdir/tandem"));
        Files.createSymbolicLink(bin.resolve("tandem"), tmp.resolve("one"));
        assertThat(bash("Darwin", "resolve '" + bin.resolve("tandem") + "'")).isEqualTo(real.toRealPath().resolve("tandem").toString());
        assertThat(bash("Darwin", "resolve '" + real.resolve("tandem") + "'")).isEqualTo(real.toRealPath().resolve("tandem").toString());
    }

    @Test
    void theBuildLockExcludesWithFlock() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/flock")), "no flock(1) here");
        Files.createSymbolicLink(bin.resolve("flock"), Path.of("/usr/bin/flock"));
        holdsTheLock();
    }

    @Test
    void theBuildLockExcludesWithPerlWhereThereIsNoFlock() throws Exception {
        assumeTrue(Files.exists(bin.resolve("perl")), "no perl here");
        holdsTheLock();
    }

    /** A shell takes the lock and holds it until its stdin closes; a probe sees it held, then free. */
    private void holdsTheLock() throws Exception {
        Path lock = tmp.resolve("lock");
        Process holder = start("exec 9>'" + lock + "'; lock_fd9; echo locked; cat >/dev/null", Map.of());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThat(probe(lock)).as("held while the shell lives").isEqualTo(1);
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(probe(lock)).as("free once it exited").isZero();
        } finally {
            holder.destroyForcibly();
        }
    }

    /** 0 when a non-blocking flock on the file succeeds, 1 when someone holds it. */
    private int probe(Path lock) throws Exception {
        Process p = new ProcessBuilder("perl", "-e", "use Fcntl ':flock'; open(my $f, '>>', $ARGV[0]) or die; exit(flock($f, LOCK_EX | LOCK_NB) ? 0 : 1)",
                lock.toString()).inheritIO().start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private String bash(String os, String command) throws Exception {
        return bash(os, command, Map.of());
    }

    private String bash(String os, String command, Map<String, String> env) throws Exception {
        Process p = start("OS=" + os + "; SYSROOT='" + sys + "'; " + command, env);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return out.strip();
    }

    private Process start(String command, Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c", "source \"$1\"; " + command, "launcher-test", LAUNCHER.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> e = pb.environment();
        e.clear();
        e.putAll(new HashMap<>(Map.of("HOME", home.toString(), "PATH", bin.toString())));
        e.putAll(env);
        return pb.start();
    }

    private static Path jdk(Path home, String version) throws IOException {
        script(home.resolve("bin/java"), "exit 0\n");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private static void script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
