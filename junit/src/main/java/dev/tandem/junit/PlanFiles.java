package dev.tandem.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which files are plans. A file selected by name is one if it is YAML; in a directory, package or
 * classpath resource, a YAML file is one when it has a top-level {@code steps:} key, so the device
 * sources and app definitions that live beside plans are not run as tests. Plans are run by path,
 * so a plan packed in a jar cannot run: it is skipped with a warning naming it.
 */
final class PlanFiles {
    private static final Logger LOG = Logger.getLogger(PlanFiles.class.getName());
    private static final Pattern STEPS_KEY = Pattern.compile("(?m)^steps\\s*:");

    private PlanFiles() {}

    static boolean isYaml(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** The plans under {@code dir} (or the file itself), in path order. */
    static List<Path> under(Path dir) {
        if (Files.isRegularFile(dir)) return isYaml(dir) ? List.of(dir) : List.of();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(PlanFiles::isYaml).filter(PlanFiles::looksLikePlan).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plans under " + dir, e);
        }
    }

    /** Where a classpath resource (a file or a directory) is, in every classpath root that has it as a file. */
    static List<Path> resource(String name, ClassLoader loader) {
        List<Path> out = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(name))) {
                if (!"file".equals(url.getProtocol())) {
                    LOG.warning(() -> "tandem: skipping the plans at " + url + ": plans run from files, not from a jar; "
                            + "select them from the project's resource directory instead");
                    continue;
                }
                out.add(Path.of(url.toURI()));
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the classpath resource " + name + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean looksLikePlan(Path p) {
        try {
            return STEPS_KEY.matcher(Files.readString(p)).find();
        } catch (IOException | UncheckedIOException e) {
            return true; // unreadable: let it load and fail as a test, saying why
        }
    }
}
