package dev.tandem.daemon.sources.appium;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: output, exit codes, a tool that cannot start, and a hung tool killed at its bound. */
class ProcessRunnerTest {
    @TempDir
    Path tmp;

    @Test
    void readsOutputAndExitCode() {
        CommandRunner.Outcome o = new ProcessRunner().run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(10));
        assertThat(o).isEqualTo(new CommandRunner.Exited(3, "out\n", "err\n"));
    }

    @Test
    void aMissingProgramDoesNotStart() {
        assertThat(new ProcessRunner().run(List.of(tmp.resolve("nope").toString()), Duration.ofSeconds(10)))
                .isInstanceOf(CommandRunner.NotStarted.class);
    }

    @Test
    void aHungToolIsKilledAtItsBound() throws Exception {
        Path pidFile = tmp.resolve("pid");
        long t0 = System.nanoTime();
        CommandRunner.Outcome o = new ProcessRunner().run(List.of("sh", "-c", "echo $$ > " + pidFile + "; exec sleep 60"),
                Duration.ofMillis(500));
        assertThat(o).isEqualTo(new CommandRunner.TimedOut(Duration.ofMillis(500)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertGone(pid);
    }

    @Test
    void aHungAdbIsANoteAndGone() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path pidFile = tmp.resolve("adb.pid");
        Path adb = Files.writeString(bin.resolve("adb"), "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 60\n");
        Files.setPosixFilePermissions(adb, PosixFilePermissions.fromString("rwx------"));
        Discovery.Result res = Discovery.run(Map.of("PATH", bin.toString()), Duration.ofMillis(700));
        assertThat(res.devices()).isEmpty();
        assertThat(res.notes()).contains("android: no devices discovered — adb did not answer within 700 ms (stopped it); restart adb: "
                + "adb kill-server");
        assertGone(Long.parseLong(Files.readString(pidFile).strip()));
    }

    @Test
    void aChildThatKeepsThePipeOpenDoesNotHoldTheAnswer() {
        // like adb starting its server: the tool exits, a child it forked lives on with our stdout
        long t0 = System.nanoTime();
        CommandRunner.Outcome o = new ProcessRunner().run(List.of("sh", "-c", "echo listed; (sleep 8 &) ; exit 0"), Duration.ofSeconds(20));
        assertThat(o).isInstanceOfSatisfying(CommandRunner.Exited.class, x -> {
            assertThat(x.code()).isZero();
            assertThat(x.stdout()).isEqualTo("listed\n");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("not until the child closes the pipe").isLessThan(Duration.ofSeconds(6));
    }

    private static void assertGone(long pid) throws Exception {
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) return;
        assertThat(handle.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS).isAlive()).as("pid " + pid).isFalse();
    }
}
