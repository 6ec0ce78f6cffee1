package dev.tandem.protocol.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both branches of every seam function, on fake file trees and a fake command runner; then the real machine. */
class HostTest {
    @TempDir
    Path root;

    /** /proc/net/tcp as Linux prints it: 127.0.0.1:8080 listening (inode 4242), a connection from it, one to it. */
    static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 00000000bf3f01bb 100 0 0 10 0
               1: 0100007F:1F90 0100007F:D6A2 01 00000000:00000000 00:00000000 00000000  1000        0 999 1 0000000000000000 20 4 30 10 -1
               2: 0100007F:D6A2 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 998 1 0000000000000000 20 4 30 10 -1
            """;
    /** /proc/net/tcp6: [::]:5037 listening (inode 777). */
    static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000000000000:13AD 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 777 1 0000000000000000 100 0 0 10 0
            """;
    /** lsof -nP -iTCP:4723 -sTCP:LISTEN -Fpc on macOS: a node server and its forked worker, with fd lines. */
    static final String LSOF = "p4321\ncnode\nf21\np4330\ncnode\nf21\n";

    @Test
    void osNamesMapToTheirOs() {
        assertThat(Os.of("Linux")).isEqualTo(Os.LINUX);
        assertThat(Os.of("Mac OS X")).isEqualTo(Os.MAC);
        assertThat(Os.of("Darwin")).isEqualTo(Os.MAC);
        assertThat(Os.of("Windows 11")).isEqualTo(Os.OTHER);
        assertThat(Os.of(null)).isEqualTo(Os.OTHER);
    }

    // --- Linux: /proc ---

    @Test
    void linuxFindsTheListenerThroughProc() throws IOException {
        procTree();
        assertThat(linux().portHolder(8080)).contains(new PortHolder(123, "java"));
        assertThat(linux().portHolder(8080).map(PortHolder::describe)).contains(" by pid 123 (java)");
    }

    @Test
    void linuxReadsTcp6Too() throws IOException {
        procTree();
        assertThat(linux().portHolder(5037)).contains(new PortHolder(88, "adb"));
    }

    @Test
    void linuxNamesNobodyForAPortOnlyConnectedTo() throws IOException {
        procTree();
        assertThat(linux().portHolder(0xD6A2)).isEmpty(); // inodes 998/999 are connections, not listeners
        assertThat(linux().portHolder(9)).isEmpty();
    }

    @Test
    void linuxWithoutProcNamesNobody() {
        assertThat(linux().portHolder(8080)).isEmpty();
    }

    @Test
    void linuxNeverRunsACommand() throws IOException {
        procTree();
        List<List<String>> ran = new ArrayList<>();
        new Host(Os.LINUX, root, (cmd, t) -> {
            ran.add(cmd);
            return new CommandRunner.Result(0, LSOF);
        }).portHolder(8080);
        assertThat(ran).isEmpty();
    }

    // --- macOS: lsof ---

    @Test
    void macAsksLsofAndTakesTheFirstProcess() throws IOException {
        executable("usr/sbin/lsof");
        List<List<String>> ran = new ArrayList<>();
        Host mac = new Host(Os.MAC, root, (cmd, t) -> {
            ran.add(cmd);
            return new CommandRunner.Result(0, LSOF);
        });
        assertThat(mac.portHolder(4723)).contains(new PortHolder(4321, "node"));
        assertThat(ran).containsExactly(List.of("/usr/sbin/lsof", "-nP", "-iTCP:4723", "-sTCP:LISTEN", "-Fpc"));
    }

    @Test
    void macFallsBackToLsofOnThePath() {
        List<List<String>> ran = new ArrayList<>();
        new Host(Os.MAC, root, (cmd, t) -> {
            ran.add(cmd);
            return new CommandRunner.Result(1, "");
        }).portHolder(80);
        assertThat(ran.getFirst().getFirst()).isEqualTo("lsof");
    }

    @Test
    void macNamesNobodyWhenLsofFindsNothingFailsOrIsMissing() {
        assertThat(mac((cmd, t) -> new CommandRunner.Result(1, "")).portHolder(80)).isEmpty();
        assertThat(mac((cmd, t) -> new CommandRunner.Result(0, "")).portHolder(80)).isEmpty();
        assertThat(mac((cmd, t) -> new CommandRunner.Result(0, "pnot-a-pid\ncx\n")).portHolder(80)).isEmpty();
        assertThat(mac((cmd, t) -> {
            throw new IOException("Cannot run program \"lsof\": error=2, No such file or directory");
        }).portHolder(80)).isEmpty();
    }

    @Test
    void lsofOutputWithoutACommandStillNamesThePid() {
        assertThat(Lsof.parse("p42\nf3\n")).contains(new PortHolder(42, "?"));
        assertThat(Lsof.parse("p42\r\ncGoogle Chrome\r\n")).contains(new PortHolder(42, "Google Chrome"));
    }

    // --- a session of its own ---

    @Test
    void setsidWhereItExists() throws IOException {
        executable("usr/bin/setsid");
        executable("usr/bin/perl");
        assertThat(new Host(Os.LINUX, root, none()).newSessionPrefix()).containsExactly("/usr/bin/setsid");
    }

    @Test
    void binSetsidOnOlderLayouts() throws IOException {
        executable("bin/setsid");
        assertThat(new Host(Os.LINUX, root, none()).newSessionPrefix()).containsExactly("/bin/setsid");
    }

    @Test
    void perlWhereThereIsNoSetsid() throws IOException {
        executable("usr/bin/perl"); // macOS: perl, no setsid(1)
        assertThat(new Host(Os.MAC, root, none()).newSessionPrefix())
                .containsExactly("/usr/bin/perl", "-MPOSIX=setsid", "-e", Host.PERL_SETSID, "--");
    }

    @Test
    void nothingWhereNeitherExists() throws IOException {
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("usr/bin/perl"), "not executable");
        assertThat(new Host(Os.MAC, root, none()).newSessionPrefix()).isEmpty();
    }

    // --- zombies ---

    @Test
    void linuxReadsTheStateAfterTheCommand() throws IOException {
        stat(321, "321 (a (b) c) Z 1 321 321 0 -1 4194308");
        stat(322, "322 (Zed) S 1 322 322 0 -1 4194304");
        assertThat(linux().isZombie(321)).isTrue();
        assertThat(linux().isZombie(322)).isFalse();
        assertThat(linux().isZombie(323)).isFalse(); // gone: not a zombie
    }

    @Test
    void macNeverCallsAProcessAZombie() throws IOException {
        stat(321, "321 (x) Z 1");
        assertThat(mac(none()).isZombie(321)).isFalse();
    }

    // --- the real machine (Linux here; the macOS branch's perl and lsof run for real where installed) ---

    @Test
    void thisMachineNamesThisJvmAsTheHolder() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Optional<PortHolder> holder = Host.current().portHolder(s.getLocalPort());
            assumeTrue(Os.current() == Os.LINUX || holder.isPresent(), "no lsof on this machine");
            assertThat(holder.map(PortHolder::pid)).contains(ProcessHandle.current().pid());
        }
    }

    @Test
    void realLsofOutputParses() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/lsof")) || Files.isExecutable(Path.of("/usr/sbin/lsof")), "no lsof here");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Host viaLsof = new Host(Os.MAC, Path.of("/"), CommandRunner.system());
            assertThat(viaLsof.portHolder(s.getLocalPort()).map(PortHolder::pid)).contains(ProcessHandle.current().pid());
        }
    }

    @Test
    void thePerlPrefixStartsANewSession() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")), "no perl here");
        List<String> cmd = new ArrayList<>(new Host(Os.MAC, Path.of("/"), none()).newSessionPrefix());
        cmd.addAll(List.of("sh", "-c", "echo $$ $(ps -o sid= -p $$) $(ps -o pgid= -p $$)"));
        CommandRunner.Result r = CommandRunner.system().run(cmd, Duration.ofSeconds(20));
        assertThat(r.exit()).isZero();
        String[] f = r.out().trim().split("\\s+");
        assertThat(f).hasSize(3);
        assertThat(f[1]).as("session id").isEqualTo(f[0]);
        assertThat(f[2]).as("process group").isEqualTo(f[0]);
    }

    private Host linux() {
        return new Host(Os.LINUX, root, none());
    }

    private Host mac(CommandRunner commands) {
        return new Host(Os.MAC, root, commands);
    }

    private static CommandRunner none() {
        return (cmd, t) -> {
            throw new AssertionError("no command expected: " + cmd);
        };
    }

    private void procTree() throws IOException {
        Path net = Files.createDirectories(root.resolve("proc/net"));
        Files.writeString(net.resolve("tcp"), TCP);
        Files.writeString(net.resolve("tcp6"), TCP6);
        fd(77, 3, "socket:[999]", "curl");
        fd(123, 4, "/dev/null", "java");
        fd(123, 5, "socket:[4242]", "java");
        fd(88, 6, "socket:[777]", "adb");
        Files.createDirectories(root.resolve("proc/self")); // not a pid: skipped
        Files.createDirectories(root.resolve("proc/999/fd")); // no fds we may read: skipped
    }

    private void fd(long pid, int fd, String target, String comm) throws IOException {
        Path dir = Files.createDirectories(root.resolve("proc/" + pid + "/fd"));
        Files.createSymbolicLink(dir.resolve(Integer.toString(fd)), Path.of(target));
        Files.writeString(dir.resolveSibling("comm"), comm + "\n");
    }

    private void stat(long pid, String line) throws IOException {
        Files.writeString(Files.createDirectories(root.resolve("proc/" + pid)).resolve("stat"), line + "\n");
    }

    private void executable(String path) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
