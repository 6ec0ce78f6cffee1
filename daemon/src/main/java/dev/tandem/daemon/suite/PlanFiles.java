package dev.tandem.daemon.suite;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Expands {@code tandem test} arguments into plan files: files as given, directories searched for YAML. */
final class PlanFiles {
    private PlanFiles() {}

    /** Plan files by their name relative to {@code cwd} (sorted), mapped to absolute paths. */
    static Map<String, Path> expand(List<String> paths, Path cwd) {
        List<Path> found = new ArrayList<>();
        for (String p : paths) {
            Path path = cwd.resolve(p).normalize();
            if (Files.isRegularFile(path)) {
                found.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                            .filter(f -> !hidden(path.relativize(f)))
                            .forEach(found::add);
                } catch (IOException e) {
                    throw new TandemException(ErrorCode.USAGE, "cannot read " + path + ": " + e.getMessage());
                }
            } else {
                throw new TandemException(ErrorCode.PLAN_NOT_FOUND, Files.exists(path)
                        ? path + " is neither a regular file nor a directory (a FIFO or a device?); plans are YAML files"
                        : "no plan file or directory at " + path);
            }
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        found.stream().distinct().sorted().forEach(f -> byName.put(name(cwd, f), f));
        if (byName.isEmpty()) throw new TandemException(ErrorCode.USAGE, "no plans (*.yaml, *.yml) under " + paths);
        return byName;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }

    private static String name(Path cwd, Path file) {
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
