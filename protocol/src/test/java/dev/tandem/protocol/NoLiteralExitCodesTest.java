package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

    /** Forbidden in the CLI's commands and the entry points, whose int results are exit codes. */
    private static final List<Pattern> IN_COMMANDS = List.of(
            Pattern.compile("\\breturn\\s+0\\s*;"),
            Pattern.compile("\\?\\s*0\\s*:\\s*([1-3]\\b|ErrorCode)"),
            Pattern.compile("\\?\\s*[1-3]\\s*:\\s*0\\b"));

    @Test
    void noMainSourceSpellsAnExitCode() {
        List<Path> sources = MainSources.all().stream()
                .filter(MainSources.named(n -> !n.equals("ErrorCategory.java") && !n.equals("ErrorCode.java"))).toList();
        List<String> found = new ArrayList<>(MainSources.find(sources, EVERYWHERE));
        found.addAll(MainSources.find(sources.stream().filter(MainSources.named(n -> n.endsWith("Cmd.java") || n.endsWith("Main.java"))).toList(),
                IN_COMMANDS));
        assertThat(found).as("literal exit codes or HTTP statuses: use ErrorCode.X.exitCode(), code.category(), "
                + "ErrorCategory.PASSED_EXIT_CODE or code.httpStatus()").isEmpty();
    }
}
