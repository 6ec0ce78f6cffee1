package dev.tandem.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon started from a test JVM gets the jars the test runner's throw-away booter jar names. */
class ChildClasspathTest {
    @TempDir
    Path dir;

    Path jar(String name, String classPath, boolean withClass) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path jar = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, m)) {
            if (withClass) {
                out.putNextEntry(new JarEntry("a/A.class"));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aManifestOnlyJarIsReplacedByTheJarsItNames() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("my lib"));
        Path booter = jar("surefirebooter1.jar", lib.resolve("daemon.jar").toUri() + " relative.jar", false);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String expanded = ChildClasspath.expand(classes + File.pathSeparator + booter);
        assertThat(expanded.split(File.pathSeparator)).containsExactly(classes.toString(), lib.resolve("daemon.jar").toString(),
                dir.resolve("relative.jar").toString());
    }

    @Test
    void aJarWithClassesStaysAsItIs() throws IOException {
        Path app = jar("app.jar", "other.jar", true);
        Path plain = jar("plain.jar", null, false);
        assertThat(ChildClasspath.expand(app + File.pathSeparator + plain)).isEqualTo(app + File.pathSeparator + plain);
    }
}
