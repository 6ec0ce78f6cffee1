package dev.tandem.daemon.prepare;

import dev.tandem.daemon.runner.PlatformProfile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A fake distribution (jars named like the real ones, random content) and preparers over a temp cache. */
final class Fixture {
    static final PlatformProfile SIM = PlatformProfile.of("sim");
    static final PlatformProfile WEB = PlatformProfile.of("web");
    static final Toolchain JDK = new Toolchain("Test Vendor", "25.0.1+1", "Test VM 25.0.1+1", "/opt/jdk-25", "Linux", "amd64");

    final Path root;
    final Path lib;
    final CacheLayout cache;
    final FakeOps ops = new FakeOps();
    final List<String> progress = new CopyOnWriteArrayList<>();

    Fixture(Path root) throws IOException {
        this.root = root;
        this.lib = Files.createDirectories(root.resolve("lib"));
        this.cache = new CacheLayout(root.resolve("cache"));
        List<String> prefixes = new ArrayList<>(SIM.runnerJars());
        prefixes.addAll(WEB.runnerJars());
        prefixes.add("tandem-cli-"); // in the distribution, never in a runner's classpath
        for (String p : prefixes.stream().distinct().toList()) Files.writeString(lib.resolve(p + "1.0.jar"), "jar " + p + Math.random());
    }

    String classpath() throws IOException {
        try (var s = Files.list(lib)) {
            return String.join(File.pathSeparator, s.map(Path::toString).sorted().toList());
        }
    }

    Preparer preparer() throws IOException {
        return preparer(JDK, platform -> Map.of());
    }

    Preparer preparer(Toolchain jdk, Function<String, Map<String, String>> tools) throws IOException {
        return new Preparer(cache, new IdentitySource(classpath(), () -> jdk, tools), ops, "/opt/jdk-25/bin/java", progress::add);
    }

    Path artifactDir(PrepareResult r) {
        return cache.artifactDir(PlatformProfile.of(r.platform()), r.artifactKey());
    }
}
