package dev.tandem.daemon.prepare;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks a platform's runner jars out of a classpath (the distribution's, {@code cli/target/lib}) by
 * the file-name prefixes of its profile row. Class-data archives only cover jars, so a classpath of
 * class directories (running from an IDE) cannot be prepared: that is an error naming the fix.
 */
public final class RunnerJars {
    private RunnerJars() {}

    /** The matching jars, sorted by file name (the one order used for training and every launch). */
    public static List<Path> select(String classpath, List<String> prefixes) {
        List<Path> entries = new ArrayList<>();
        for (String e : classpath.split(File.pathSeparator)) if (!e.isBlank()) entries.add(Path.of(e).toAbsolutePath().normalize());
        List<Path> picked = new ArrayList<>();
        for (String prefix : prefixes) {
            List<Path> hits = entries.stream().filter(p -> {
                String n = p.getFileName() == null ? "" : p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".jar");
            }).distinct().toList();
            if (hits.isEmpty()) {
                throw new TandemException(ErrorCode.PREPARE_FAILED, "the runner classpath has no " + prefix + "*.jar (classpath: "
                        + abbreviate(classpath) + "); prepared artifacts are made from the packaged distribution: run Tandem"
                        + " through ./tandem or from cli/target/lib (`mvn -pl cli -am package`)");
            }
            if (hits.size() > 1) {
                throw new TandemException(ErrorCode.PREPARE_FAILED, "the runner classpath has " + hits.size() + " " + prefix
                        + "*.jar files (" + hits + "); remove the stale ones from the distribution and rerun");
            }
            Path jar = hits.get(0);
            if (!Files.isRegularFile(jar)) {
                throw new TandemException(ErrorCode.PREPARE_FAILED, "runner jar " + jar + " is on the classpath but not a"
                        + " readable file; rebuild the distribution (`mvn -pl cli -am package`) and rerun");
            }
            if (!picked.contains(jar)) picked.add(jar);
        }
        picked.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return List.copyOf(picked);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
