package dev.tandem.daemon.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Run ids unique across concurrent processes and daemons: time, pid and randomness; the run's
 * directory is created atomically ({@code createDirectory} fails if it exists), retrying on the
 * improbable clash.
 */
public final class RunIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    public static String next() {
        return TIME.format(LocalDateTime.now()) + "-" + ProcessHandle.current().pid() + "-"
                + String.format("%06x", RANDOM.nextInt(1 << 24));
    }

    /** Creates {@code output/<id>} for a fresh id and returns it. */
    public static Path createRunDir(Path output) throws IOException {
        Files.createDirectories(output);
        for (int attempt = 0; ; attempt++) {
            Path dir = output.resolve(next());
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }
}
