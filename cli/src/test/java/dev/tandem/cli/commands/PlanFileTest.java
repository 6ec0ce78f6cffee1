package dev.tandem.cli.commands;

import dev.tandem.cli.Main;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan path that is not a regular file is refused at once, saying what it is; nothing blocks on a FIFO. */
class PlanFileTest {
    @TempDir Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) throws Exception {
        Context ctx = new Context(Map.of("TANDEM_HOME", dir.resolve("home").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        // bounded: the bug this guards against is a validate that never returns
        return CompletableFuture.supplyAsync(() -> Main.run(args, ctx)).get(30, TimeUnit.SECONDS);
    }

    Path fifo() throws Exception {
        Path f = dir.resolve("plan.fifo");
        assertThat(new ProcessBuilder("mkfifo", f.toString()).start().waitFor()).isZero();
        return f;
    }

    @Test
    void validateOfAFifoIsRefusedByName() throws Exception {
        Path fifo = fifo();
        assertThat(run("validate", fifo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("named pipe (FIFO)").contains("not a plan file");
    }

    @Test
    void runOfAFifoADeviceOrADirectorySaysWhatItIs() throws Exception {
        assertThat(run("run", fifo().toString())).isEqualTo(2);
        assertThat(run("run", "/dev/zero")).isEqualTo(2);
        assertThat(run("run", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("named pipe (FIFO)").contains("/dev/zero is a character device")
                .contains(dir + " is a directory").contains("PLAN_NOT_FOUND");
        assertThat(dir.resolve("home").resolve("daemon.json")).as("no daemon started").doesNotExist();
    }

    @Test
    void aSymlinkToAPlanIsAPlan() throws Exception {
        Path plan = Files.writeString(dir.resolve("p.yaml"), "steps:\n  - tool: launchApp\n    appId: com.example.login\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), plan);
        assertThat(run("validate", link.toString())).isZero();
    }
}
