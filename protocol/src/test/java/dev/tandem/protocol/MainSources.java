package dev.tandem.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Every module's main Java sources, for tests that keep a shape out of the code base. */
final class MainSources {
    /** The repository root: the parent of this module's directory (surefire runs in the module). */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private MainSources() {}

    static List<Path> all() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> out = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).flatMap(MainSources::javaFiles).toList();
            if (out.size() < 100) throw new IllegalStateException("found only " + out.size() + " main sources under " + ROOT);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "path:line: code" for each code line of {@code files} that one of {@code patterns} finds. */
    static List<String> find(List<Path> files, List<Pattern> patterns) {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = code(lines.get(i));
                for (Pattern p : patterns) if (p.matcher(line).find()) found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line.strip());
            }
        }
        return found;
    }

    static Predicate<Path> named(Predicate<String> name) {
        return p -> name.test(p.getFileName().toString());
    }

    /** The line without a trailing // comment or a comment body, so prose may name what code must not. */
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
            throw new UncheckedIOException(e);
        }
    }
}
