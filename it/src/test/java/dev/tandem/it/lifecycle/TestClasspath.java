package dev.tandem.it.lifecycle;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * This test JVM's classpath for child JVMs, with each class directory (reactor modules) packed
 * into a jar: the JDK's start-up caches (AOT, CDS) accept jars only.
 */
public final class TestClasspath {
    private static String jarred;

    private TestClasspath() {}

    public static synchronized String jarred() throws IOException {
        if (jarred != null) return jarred;
        Path dir = TempDirs.create("tandem-test-classpath-");
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                Path jar = dir.resolve((n++) + "-" + p.getParent().getParent().getFileName() + ".jar");
                pack(p, jar);
                out.add(jar.toString());
            } else if (Files.isRegularFile(p)) {
                out.add(entry);
            }
        }
        jarred = String.join(File.pathSeparator, out);
        return jarred;
    }

    private static void pack(Path classes, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, jos);
                jos.closeEntry();
            }
        }
    }
}
