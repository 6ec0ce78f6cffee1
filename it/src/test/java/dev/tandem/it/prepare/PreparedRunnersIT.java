package dev.tandem.it.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.it.Tandem;
import dev.tandem.protocol.runner.Uptime;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The daemon launches runners from the prepared artifact, never runs a stale one, and survives a broken cache. */
class PreparedRunnersIT {
    static final String PLAN = """
            name: quick
            steps:
              - tool: launchApp
                appId: com.example.login
              - tool: assertVisible
                text: Email
            """;

    @Test
    void theDaemonPreparesImplicitlyAndItsRunnerReportsTheKey() throws Exception {
        try (PrepareFixture t = PrepareFixture.onDistribution()) {
            Tandem.Result run = t.run("run", t.plan("q.yaml", PLAN).toString(), "--device", "sim:1");
            assertThat(run.exit()).as(run.all()).isZero();

            String key = t.prepare().path("artifactKey").asText();
            assertThat(t.daemonLog()).contains("preparing the sim runner artifact", "runner artifact " + key + " ready");
            assertThat(t.runnerFile("sim-1").artifactKey()).isEqualTo(key);
            Uptime u = t.uptime("sim-1");
            assertThat(u.artifactKey()).isEqualTo(key);
            assertThat(ProcessHandle.of(u.pid()).flatMap(p -> p.info().commandLine()).orElse(""))
                    .contains("=" + t.cacheDir("sim", key).resolve(PrepareFixture.archiveFile()));
        }
    }

    @Test
    void aRunnerOfAnotherArtifactIsNotAdoptedButReplaced() throws Exception {
        try (PrepareFixture t = PrepareFixture.onCopy()) {
            Path plan = t.plan("q.yaml", PLAN);
            Tandem.Result first = t.run("run", plan.toString(), "--device", "sim:1");
            assertThat(first.exit()).as(first.all()).isZero();
            Uptime old = t.uptime("sim-1");
            long daemon = t.daemonPid();
            // the daemon dies; its runner lives on, waiting to be adopted; then the distribution changes
            ProcessHandle.of(daemon).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
            assertThat(ProcessHandle.of(old.pid()).map(ProcessHandle::isAlive)).contains(true);
            rebuildJar(t.lib, "tandem-sim-");

            Tandem.Result second = t.run("run", plan.toString(), "--device", "sim:1");

            assertThat(second.exit()).as(second.all()).isZero();
            Uptime now = t.uptime("sim-1");
            assertThat(now.artifactKey()).isNotEqualTo(old.artifactKey()).isEqualTo(t.runnerFile("sim-1").artifactKey());
            assertThat(now.pid()).isNotEqualTo(old.pid());
            assertThat(t.daemonLog()).contains("not adopting runner sim-1", "runs artifact " + old.artifactKey());
            ProcessHandle.of(old.pid()).ifPresent(p -> p.onExit().orTimeout(15, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(old.pid()).map(ProcessHandle::isAlive).orElse(false)).as("the stale runner is gone").isFalse();
        }
    }

    @Test
    void aLiveDaemonReplacesItsRunnerWhenTheArtifactKeyChanges() throws Exception {
        try (PrepareFixture t = PrepareFixture.onCopy()) {
            Path plan = t.plan("q.yaml", PLAN);
            assertThat(t.run("run", plan.toString(), "--device", "sim:1").exit()).isZero();
            Uptime old = t.uptime("sim-1");
            long daemon = t.daemonPid();
            // a new build lands and its old artifact goes: the daemon prepares again, under a new key
            rebuildJar(t.lib, "tandem-sim-");
            Tandem.deleteTree(t.cacheDir("sim", old.artifactKey()));

            Tandem.Result second = t.run("run", plan.toString(), "--device", "sim:1");

            assertThat(second.exit()).as(second.all()).isZero();
            assertThat(t.daemonPid()).as("the same daemon").isEqualTo(daemon);
            Uptime now = t.uptime("sim-1");
            assertThat(now.artifactKey()).isNotEqualTo(old.artifactKey());
            assertThat(now.pid()).isNotEqualTo(old.pid());
            assertThat(t.daemonLog()).contains("replacing runner sim-1", "artifact " + old.artifactKey() + " → " + now.artifactKey());
        }
    }

    @Test
    void aBrokenCacheFallsBackToUnpreparedRunnersAndTheRunPasses() throws Exception {
        try (PrepareFixture t = PrepareFixture.onDistribution()) {
            Path notADir = Files.writeString(t.work.resolve("cache-is-a-file"), "not a directory");
            t.env("TANDEM_CACHE_DIR", notADir.toString());

            Tandem.Result run = t.run("run", t.plan("q.yaml", PLAN).toString(), "--device", "sim:1");

            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(t.daemonLog()).contains("cannot prepare the sim runner artifact", "unprepared (key dev)");
            assertThat(t.uptime("sim-1").artifactKey()).isEqualTo("dev");
        }
    }

    /** A rebuilt jar: same classes, one more entry, so other bytes (and another key). */
    private static void rebuildJar(Path lib, String prefix) throws Exception {
        Path jar;
        try (Stream<Path> jars = Files.list(lib)) {
            jar = jars.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Files.writeString(zip.getPath("META-INF", "tandem-it-rebuilt.txt"), "rebuilt by " + PreparedRunnersIT.class.getName());
        }
    }
}
