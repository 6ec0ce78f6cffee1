package dev.tandem.protocol.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Linux-only paths live in {@link Host} alone, so macOS has one place to get right: no main source
 * elsewhere reads {@code /proc} or names a setsid binary. The bench module is exempt: its memory
 * figures are Linux measurements (PSS from smaps_rollup) by design.
 */
class OsSeamOnlyTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LINUX_ONLY = Pattern.compile("\"/proc[\"/]|\"/(usr/)?bin/setsid\"|\"/usr/lib/jvm");

    @Test
    void noMainSourceOutsideTheSeamReachesForLinuxOnlyPaths() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                if (module.getFileName().toString().equals("bench")) continue;
                try (Stream<Path> walk = Files.walk(module.resolve("src/main/java"))) {
                    walk.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> !p.startsWith(ROOT.resolve("protocol/src/main/java/dev/tandem/protocol/os")))
                            .forEach(p -> scan(p, found));
                }
            }
        }
        assertThat(found).as("Linux-only paths outside dev.tandem.protocol.os: go through Host").isEmpty();
    }

    private static void scan(Path file, List<String> found) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (LINUX_ONLY.matcher(lines.get(i)).find()) found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
