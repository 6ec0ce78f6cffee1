package dev.tandem.client;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The classpath a detached child (the daemon, and its runners after it) starts from. Test runners
 * hand their JVM a manifest-only jar whose {@code Class-Path} names the real jars (Surefire's booter
 * jar, an IDE's classpath jar) and delete it when the JVM ends, while the daemon is meant to outlive
 * it: such a jar is replaced by the absolute paths it names. Other entries stay as they are.
 */
public final class ChildClasspath {
    private ChildClasspath() {}

    /** {@code classpath} with every manifest-only jar replaced by its {@code Class-Path} entries, in order, each once. */
    public static String expand(String classpath) {
        Set<String> out = new LinkedHashSet<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            List<String> named = manifestOnly(Path.of(entry));
            if (named.isEmpty()) out.add(entry);
            else out.addAll(named);
        }
        return String.join(File.pathSeparator, out);
    }

    /** The entries a manifest-only jar names, as absolute paths; empty for anything else. */
    private static List<String> manifestOnly(Path entry) {
        if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) return List.of();
        try (JarFile jar = new JarFile(entry.toFile())) {
            String named = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (named == null || named.isBlank() || hasClasses(jar)) return List.of();
            List<String> paths = new ArrayList<>();
            for (String url : named.trim().split("\\s+")) paths.add(resolve(entry, url));
            return paths;
        } catch (IOException | IllegalArgumentException | URISyntaxException e) {
            return List.of(); // not a jar we can read: the JVM reads it as it would have
        }
    }

    private static boolean hasClasses(JarFile jar) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            if (!e.nextElement().getName().startsWith("META-INF/")) return true;
        }
        return false;
    }

    /** A Class-Path entry is a URL, absolute ({@code file:/…}) or relative to the jar's directory. */
    private static String resolve(Path jar, String url) throws URISyntaxException {
        return Path.of(jar.toAbsolutePath().getParent().toUri().resolve(new URI(url))).toString();
    }
}
