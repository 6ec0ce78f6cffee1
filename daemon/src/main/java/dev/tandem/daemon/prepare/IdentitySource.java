package dev.tandem.daemon.prepare;

import dev.tandem.daemon.runner.PlatformProfile;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Computes a platform's {@link Identity}: digests of its runner jars on {@code classpath}, the
 * toolchain and the external tools. The toolchain and tool probes are seams (tests inject another
 * JDK version); the real ones are memoized per process.
 */
public final class IdentitySource {
    /** An identity and the jars it was computed from (what a build copies). */
    public record Found(Identity identity, List<Path> jars) {
        public String key() {
            return identity.key();
        }
    }

    private final String classpath;
    private final Supplier<Toolchain> toolchain;
    private final Function<String, Map<String, String>> tools;

    public IdentitySource(String classpath, Supplier<Toolchain> toolchain, Function<String, Map<String, String>> tools) {
        this.classpath = classpath;
        this.toolchain = toolchain;
        this.tools = tools;
    }

    /** This process: its classpath (the distribution), its JDK, the backends' own tool probes. */
    public static IdentitySource forThisProcess() {
        return new IdentitySource(System.getProperty("java.class.path", ""), Toolchain::current, ToolProbes::of);
    }

    public String classpath() {
        return classpath;
    }

    /** Throws a TandemException naming the problem: a missing jar, a missing tool (CHROMIUM_MISSING). */
    public Found identify(PlatformProfile platform) {
        List<Path> jars = RunnerJars.select(classpath, platform.runnerJars());
        Map<String, String> digests = new TreeMap<>();
        for (Path jar : jars) {
            try {
                digests.put(jar.getFileName().toString(), Canonical.sha256(jar));
            } catch (IOException e) {
                throw new TandemException(ErrorCode.PREPARE_FAILED, "cannot read runner jar " + jar + " (" + e.getMessage()
                        + "); rebuild the distribution (`mvn -pl cli -am package`) and rerun");
            }
        }
        Map<String, String> toolIdentity = new TreeMap<>(tools.apply(platform.name()));
        Toolchain jdk = toolchain.get();
        Identity id = new Identity(Metadata.SCHEMA_VERSION, platform.name(), platform.runnerMain(), platform.jvmOptions(),
                digests, jdk, ArchiveKind.forJdk(jdk.feature()), toolIdentity);
        return new Found(id, jars);
    }
}
