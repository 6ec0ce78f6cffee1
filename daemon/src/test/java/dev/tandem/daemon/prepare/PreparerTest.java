package dev.tandem.daemon.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hit, miss and identity changes; the cache's file layout; failures before the cache is touched. */
class PreparerTest {
    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(tmp);
    }

    @Test
    void firstPrepareBuildsSecondIsAHit() throws Exception {
        PrepareResult first = f.preparer().prepare(Fixture.SIM, 10_000);
        PrepareResult second = f.preparer().prepare(Fixture.SIM, 10_000);

        assertThat(first.ok()).as(first.failureReason()).isTrue();
        assertThat(first.cache()).isEqualTo(PrepareResult.Cache.MISS);
        assertThat(second.ok()).isTrue();
        assertThat(second.cache()).isEqualTo(PrepareResult.Cache.HIT);
        assertThat(second.artifactKey()).isEqualTo(first.artifactKey()).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(f.ops.trains).hasValue(1);
        assertThat(f.ops.healthChecks).as("a hit is health-checked too").hasValue(2);
        String json = Json.text(second);
        assertThat(json).startsWith("{\"ok\":true,\"platform\":\"sim\",\"cache\":\"hit\",\"artifactKey\":\"" + second.artifactKey() + "\"")
                .contains("\"timing\":{\"lookupMs\":").doesNotContain("recoveryReason", "failureReason", "failureCode", "artifact\":{");
    }

    @Test
    void theArtifactHoldsOnlyTheRunnerJarsAndLaunchesFromInsideTheCache() throws Exception {
        PrepareResult r = f.preparer().prepare(Fixture.SIM, 10_000);
        Path dir = f.artifactDir(r);

        try (var s = Files.list(dir.resolve(CacheLayout.LIB))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .hasSize(Fixture.SIM.runnerJars().size()).noneMatch(n -> n.startsWith("tandem-cli-") || n.startsWith("tandem-web-"));
        }
        assertThat(dir.resolve(Metadata.FILE)).isRegularFile();
        assertThat(dir.resolve(Manifest.FILE)).isRegularFile();
        assertThat(r.artifact().artifactKey()).isEqualTo(r.artifactKey());
        for (String entry : r.artifact().classpath().split(java.io.File.pathSeparator)) {
            assertThat(Path.of(entry)).startsWith(dir).isRegularFile();
        }
        assertThat(r.artifact().extraJvmOptions()).contains("-XX:AOTCache=" + dir.resolve("runner.aot"), "-XX:AOTMode=auto");
    }

    @Test
    void theJdkDecidesTheArchiveKind() throws Exception {
        Toolchain jdk21 = new Toolchain("Test Vendor", "21.0.5+11-LTS", "Test VM", "/opt/jdk-21", "Linux", "amd64");

        PrepareResult r = f.preparer(jdk21, p -> Map.of()).prepare(Fixture.SIM, 10_000);

        Path dir = f.artifactDir(r);
        assertThat(dir.resolve("runner.jsa")).isRegularFile();
        assertThat(dir.resolve("runner.aot")).doesNotExist();
        assertThat(r.artifact().extraJvmOptions()).contains("-XX:SharedArchiveFile=" + dir.resolve("runner.jsa"), "-Xshare:auto");
        assertThat(Files.readString(dir.resolve(Metadata.FILE))).contains("\"archive\":\"APP_CDS\"");
        assertThat(ArchiveKind.forJdk(25)).isEqualTo(ArchiveKind.AOT_CACHE);
    }

    @Test
    void anotherJdkVersionIsAMissWithAnotherKey() throws Exception {
        PrepareResult first = f.preparer().prepare(Fixture.SIM, 10_000);
        Toolchain newer = new Toolchain(Fixture.JDK.vendor(), "25.0.2+7", Fixture.JDK.vm(), Fixture.JDK.home(), "Linux", "amd64");

        PrepareResult other = f.preparer(newer, p -> Map.of()).prepare(Fixture.SIM, 10_000);

        assertThat(other.cache()).isEqualTo(PrepareResult.Cache.MISS);
        assertThat(other.artifactKey()).isNotEqualTo(first.artifactKey());
        assertThat(f.ops.trains).hasValue(2);
    }

    @Test
    void aChangedJarIsAMissWithAnotherKey() throws Exception {
        PrepareResult first = f.preparer().prepare(Fixture.SIM, 10_000);
        Files.writeString(f.lib.resolve("tandem-sim-1.0.jar"), "a rebuilt sim backend");

        PrepareResult other = f.preparer().prepare(Fixture.SIM, 10_000);

        assertThat(other.cache()).isEqualTo(PrepareResult.Cache.MISS);
        assertThat(other.artifactKey()).isNotEqualTo(first.artifactKey());
    }

    @Test
    void aJarOfAnotherPlatformDoesNotChangeTheKey() throws Exception {
        PrepareResult first = f.preparer().prepare(Fixture.SIM, 10_000);
        Files.writeString(f.lib.resolve("tandem-web-1.0.jar"), "a rebuilt web backend");

        assertThat(f.preparer().prepare(Fixture.SIM, 10_000).cache()).isEqualTo(PrepareResult.Cache.HIT);
        assertThat(first.ok()).isTrue();
    }

    @Test
    void anotherChromiumVersionIsAMiss() throws Exception {
        PrepareResult v1 = f.preparer(Fixture.JDK, p -> Map.of("chromium.version", "Chromium 140.0.1")).prepare(Fixture.WEB, 10_000);
        PrepareResult v1Again = f.preparer(Fixture.JDK, p -> Map.of("chromium.version", "Chromium 140.0.1")).prepare(Fixture.WEB, 10_000);
        PrepareResult v2 = f.preparer(Fixture.JDK, p -> Map.of("chromium.version", "Chromium 141.0.0")).prepare(Fixture.WEB, 10_000);

        assertThat(v1Again.cache()).isEqualTo(PrepareResult.Cache.HIT);
        assertThat(v2.cache()).isEqualTo(PrepareResult.Cache.MISS);
        assertThat(v2.artifactKey()).isNotEqualTo(v1.artifactKey());
    }

    @Test
    void aMissingToolFailsWithItsOwnCodeAndTouchesNoCache() throws Exception {
        PrepareResult r = f.preparer(Fixture.JDK, p -> {
            throw new TandemException(ErrorCode.CHROMIUM_MISSING, "Web devices need Chromium and none was found");
        }).prepare(Fixture.WEB, 10_000);

        assertThat(r.ok()).isFalse();
        assertThat(r.failureCode()).isEqualTo("CHROMIUM_MISSING");
        assertThat(r.failureReason()).contains("Chromium");
        assertThat(r.recoveryReason()).isNull();
        assertThat(r.artifactKey()).isNull();
        assertThat(Json.text(r)).contains("\"ok\":false").contains("\"failureReason\"").doesNotContain("recoveryReason");
        assertThat(f.ops.trains).hasValue(0);
    }

    @Test
    void aClasspathWithoutTheRunnerJarsFailsWithTheFix() throws Exception {
        Files.delete(f.lib.resolve("tandem-runner-1.0.jar"));

        PrepareResult r = f.preparer().prepare(Fixture.SIM, 10_000);

        assertThat(r.ok()).isFalse();
        assertThat(r.failureCode()).isEqualTo("PREPARE_FAILED");
        assertThat(r.failureReason()).contains("tandem-runner-*.jar", "mvn -pl cli -am package");
    }

    @Test
    void aFreshBuildThatFailsItsHealthCheckFailsAndLeavesNoArtifact() throws Exception {
        f.ops.persistentFaults = true;
        f.ops.healthFailure = "ping ended failed";

        PrepareResult r = f.preparer().prepare(Fixture.SIM, 10_000);

        assertThat(r.ok()).isFalse();
        assertThat(r.cache()).isEqualTo(PrepareResult.Cache.MISS);
        assertThat(r.failureReason()).contains("health check", "ping ended failed");
        assertThat(r.recoveryReason()).isNull();
        assertThat(f.cache.artifactDir(Fixture.SIM, f.preparer().identities().identify(Fixture.SIM).key())).doesNotExist();
    }

    @Test
    void oldArtifactsArePrunedKeepingTheNewestThree() throws Exception {
        String last = null;
        for (int i = 0; i < 5; i++) {
            Toolchain jdk = new Toolchain("V", "25.0." + i, "VM", "/jdk", "Linux", "amd64");
            last = f.preparer(jdk, p -> Map.of()).prepare(Fixture.SIM, 10_000).artifactKey();
        }
        try (var s = Files.list(f.cache.platformDir(Fixture.SIM))) {
            var names = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
            assertThat(names).hasSize(CacheLayout.KEEP).contains(last);
        }
    }
}
