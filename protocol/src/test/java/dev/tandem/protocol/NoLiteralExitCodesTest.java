package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Exit codes and HTTP statuses come from {@link ErrorCategory} (through {@link ErrorCode}):
 * scans every module's main sources for the shapes literal exit codes took before, so a
 * reappearing {@code exitCode() == 3} or {@code return 2;} fails the build.
 */
class NoLiteralExitCodesTest {

    /** Forbidden everywhere in main sources but the category table itself. */
    private static final List<Pattern> EVERYWHERE = List.of(
            Pattern.compile("exitCode\\(\\)\\s*[=!]="),                      // exitCode() == 3: test the category
            Pattern.compile("(System\\.exit|\\.halt)\\(\\s*[0-3]\\s*\\)"),   // System.exit(3)
            Pattern.compile("\\breturn\\s+[1-3]\\s*;"),                       // return 2;
            Pattern.compile("\"exitCode\"\\)\\.asInt\\(\\s*\\d"),             // .path("exitCode").asInt(3)
            Pattern.compile("\\?\\s*[1-3]\\s*:\\s*[^;]*\\?\\s*[0-3]\\s*:"),   // error ? 3 : failed ? 1 : 0
            Pattern.compile("\\?\\s*(400|503)\\s*:|\\?\\s*[0-3]\\s*:\\s*(400|503)")); // == 2 ? 400 : 503

    /** Forbidden in the CLI's commands and entry points, whose int results are exit codes. */
    private static final List<Pattern> IN_COMMANDS = List.of(
            Pattern.compile("\\breturn\\s+0\\s*;"),
            Pattern.compile("\\?\\s*0\\s*:\\s*([1-3]\\b|ErrorCode)"),
            Pattern.compile("\\?\\s*[1-3]\\s*:\\s*0\\b"));

    @Test
    void noMainSourceSpellsAnExitCode() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(root)) {
            sources = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).flatMap(NoLiteralExitCodesTest::javaFiles)
                    .toList();
        }
        assertThat(sources).as("main sources of the modules under " + root).hasSizeGreaterThan(100);
        for (Path file : sources) {
            String name = file.getFileName().toString();
            if (name.equals("ErrorCategory.java") || name.equals("ErrorCode.java")) continue;
            boolean command = name.endsWith("Cmd.java") || name.endsWith("Main.java");
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = code(lines.get(i));
                for (Pattern p : EVERYWHERE) if (p.matcher(line).find()) found.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                if (command) {
                    for (Pattern p : IN_COMMANDS) if (p.matcher(line).find()) found.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(found).as("literal exit codes or HTTP statuses: use ErrorCode.X.exitCode(), code.category(), "
                + "ErrorCategory.PASSED_EXIT_CODE or code.httpStatus()").isEmpty();
    }

    /** The line without a trailing // comment or a javadoc/comment body, so prose may name codes. */
    private static String code(String line) {
        String t = line.strip();
        if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) return "";
        int comment = line.indexOf("// ");
        return comment >= 0 ? line.substring(0, comment) : line;
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
