package dev.tandem.daemon.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.state.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon prepares on first use, launches from the artifact, and falls back to "dev" when preparing fails. */
class PreparedArtifactsTest {
    static final RunnerLauncher.Artifact DEV = new RunnerLauncher.Artifact("java", "the-daemon-classpath", "dev", List.of());
    @TempDir
    Path tmp;
    Fixture f;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PreparedArtifacts artifacts;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(tmp);
        artifacts = new PreparedArtifacts(f.preparer(), () -> DEV, new Log(new PrintStream(logged, true, StandardCharsets.UTF_8), "prepare"));
    }

    @Test
    void preparesOnFirstUseOnlyAndSaysSo() {
        RunnerLauncher.Artifact first = artifacts.artifact("sim");
        RunnerLauncher.Artifact again = artifacts.artifact("sim");

        assertThat(first.artifactKey()).isNotEqualTo("dev").hasSize(16);
        assertThat(again).isEqualTo(first);
        assertThat(first.extraJvmOptions()).anyMatch(o -> o.startsWith("-XX:AOTCache="));
        assertThat(f.ops.healthChecks).as("prepared once per daemon").hasValue(1);
        assertThat(log()).contains("preparing the sim runner artifact", "ready: miss");
    }

    @Test
    void theAdoptionKeyIsTheKeyThePrepareProducesWithoutBuilding() {
        String expected = artifacts.currentKey("sim");
        assertThat(f.ops.trains).as("computing the key builds nothing").hasValue(0);
        assertThat(artifacts.artifact("sim").artifactKey()).isEqualTo(expected);
        assertThat(artifacts.currentKey("sim")).isEqualTo(expected);
    }

    @Test
    void aFailedPrepareFallsBackToTheUnpreparedClasspathAndLogsWhy() {
        f.ops.persistentFaults = true;
        f.ops.healthFailure = "ping ended failed";

        RunnerLauncher.Artifact a = artifacts.artifact("sim");

        assertThat(a).isEqualTo(DEV);
        assertThat(log()).contains("WARN", "cannot prepare the sim runner artifact", "ping ended failed", "unprepared (key dev)");
        assertThat(artifacts.artifact("sim")).as("not retried on every runner start").isEqualTo(DEV);
        assertThat(f.ops.trains).hasValue(1);
    }

    @Test
    void anArtifactRemovedMeanwhileIsPreparedAgain() throws Exception {
        RunnerLauncher.Artifact first = artifacts.artifact("sim");
        CacheLayout.deleteTree(f.cache.artifactDir(Fixture.SIM, first.artifactKey()));

        RunnerLauncher.Artifact again = artifacts.artifact("sim");

        assertThat(again.artifactKey()).isEqualTo(first.artifactKey());
        assertThat(f.ops.trains).hasValue(2);
    }

    private String log() {
        return logged.toString(StandardCharsets.UTF_8);
    }
}
