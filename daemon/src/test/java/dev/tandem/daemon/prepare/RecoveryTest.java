package dev.tandem.daemon.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A bad cached artifact is marked, cleaned, rebuilt once and health-checked; still bad fails. */
class RecoveryTest {
    @TempDir
    Path tmp;
    Fixture f;
    PrepareResult good;
    Path dir;

    interface Damage {
        void apply(Fixture f, Path dir) throws Exception;
    }

    @BeforeEach
    void prepareOnce() throws Exception {
        f = new Fixture(tmp);
        good = f.preparer().prepare(Fixture.SIM, 10_000);
        assertThat(good.ok()).isTrue();
        dir = f.artifactDir(good);
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("a corrupted archive", (Damage) (f, d) -> Files.write(d.resolve("runner.aot"), new byte[] {1, 2, 3},
                        StandardOpenOption.APPEND), "runner.aot does not match its digest"),
                Arguments.of("a deleted jar", (Damage) (f, d) -> Files.delete(d.resolve("lib/tandem-runner-1.0.jar")),
                        "lib/tandem-runner-1.0.jar is missing"),
                Arguments.of("a garbage manifest", (Damage) (f, d) -> Files.writeString(d.resolve(Manifest.FILE), "}{ not json"),
                        "manifest.json is unreadable"),
                Arguments.of("a truncated metadata file", (Damage) (f, d) -> {
                    byte[] m = Files.readAllBytes(d.resolve(Metadata.FILE));
                    Files.write(d.resolve(Metadata.FILE), java.util.Arrays.copyOf(m, m.length / 2));
                }, "metadata.json is unreadable"),
                Arguments.of("an interrupted build (no metadata)", (Damage) (f, d) -> Files.delete(d.resolve(Metadata.FILE)),
                        "metadata.json is missing"),
                Arguments.of("metadata of another identity", (Damage) (f, d) -> Files.writeString(d.resolve(Metadata.FILE),
                        Files.readString(d.resolve(Metadata.FILE)).replace("25.0.1+1", "17.0.1")), "identity hashes to"),
                Arguments.of("a manifest path leading outside", (Damage) (f, d) -> addManifestEntry(d, "../../outside.jar"),
                        "path outside the artifact: ../../outside.jar"),
                Arguments.of("a jar replaced by a link out of the cache", (Damage) (f, d) -> {
                    Path jar = d.resolve("lib/tandem-sim-1.0.jar");
                    Path outside = Files.copy(jar, f.root.resolve("elsewhere.jar"));
                    Files.delete(jar);
                    Files.createSymbolicLink(jar, outside);
                }, "lib/tandem-sim-1.0.jar"),
                Arguments.of("an archive the JVM rejects", (Damage) (f, d) -> f.ops.archiveRejection = "shared class paths mismatch",
                        "the JVM rejects the archive: shared class paths mismatch"),
                Arguments.of("a failing health check", (Damage) (f, d) -> f.ops.healthFailure = "ping ended failed",
                        "health check failed: ping ended failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void isRebuiltOnceAndRecovers(String what, Damage damage, String reason) throws Exception {
        damage.apply(f, dir);

        PrepareResult r = f.preparer().prepare(Fixture.SIM, 10_000);

        assertThat(r.ok()).as(r.failureReason()).isTrue();
        assertThat(r.cache()).isEqualTo(PrepareResult.Cache.REBUILT);
        assertThat(r.artifactKey()).isEqualTo(good.artifactKey());
        assertThat(r.recoveryReason()).contains(reason);
        assertThat(r.failureReason()).isNull();
        assertThat(Json.text(r)).contains("\"cache\":\"rebuilt\"", "\"recoveryReason\"").doesNotContain("failureReason", "failureCode");
        assertThat(f.ops.trains).as("built once, rebuilt once").hasValue(2);
        assertThat(Files.isSymbolicLink(dir.resolve("lib/tandem-sim-1.0.jar"))).isFalse();
        if (what.contains("link")) assertThat(f.root.resolve("elsewhere.jar")).as("nothing outside the cache is touched").isRegularFile();
        assertThat(f.progress).anyMatch(l -> l.contains("is bad") && l.contains("rebuilding it once"));
        try (var s = Files.list(f.cache.platformDir(Fixture.SIM))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".bad-"));
        }
        f.ops.healthFailure = null;
        f.ops.archiveRejection = null;
        assertThat(f.preparer().prepare(Fixture.SIM, 10_000).cache()).isEqualTo(PrepareResult.Cache.HIT);
    }

    @Test
    void stillBadAfterTheRebuildFailsWithoutARecoveryReason() throws Exception {
        f.ops.persistentFaults = true;
        f.ops.healthFailure = "ping ended failed";

        PrepareResult r = f.preparer().prepare(Fixture.SIM, 10_000);

        assertThat(r.ok()).isFalse();
        assertThat(r.cache()).isEqualTo(PrepareResult.Cache.REBUILT);
        assertThat(r.failureReason()).contains("rebuilt once", "still bad", "ping ended failed");
        assertThat(r.failureCode()).isEqualTo("PREPARE_FAILED");
        assertThat(r.recoveryReason()).isNull();
        assertThat(Json.text(r)).doesNotContain("recoveryReason");
        assertThat(f.ops.trains).as("rebuilt exactly once").hasValue(2);
        assertThat(dir).as("a bad artifact is not left for launches").doesNotExist();
    }

    private static void addManifestEntry(Path dir, String rel) throws Exception {
        var m = (com.fasterxml.jackson.databind.node.ObjectNode) Json.tree(Files.readAllBytes(dir.resolve(Manifest.FILE)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("files")).put(rel, "0".repeat(64));
        Files.writeString(dir.resolve(Manifest.FILE), Json.text(m));
    }
}
