package dev.tandem.cli;

import dev.tandem.cli.commands.Context;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The CLI run in this JVM with its own TANDEM_HOME, its stdout and stderr kept for assertions. */
final class InProcessCli {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Path home;

    InProcessCli(Path home) {
        this.home = home;
    }

    int run(String... args) {
        Context ctx = new Context(Map.of("TANDEM_HOME", home.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return Main.run(args, ctx);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
