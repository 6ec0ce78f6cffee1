package dev.tandem.daemon.prepare.appium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.daemon.prepare.PrepareResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache logic with a fake npm: hit, miss, rebuild once, failures and what they leave behind. */
class AppiumPreparerTest {
    @TempDir
    Path cache;
    final FakeAppiumOps ops = new FakeAppiumOps();
    final List<String> progress = new ArrayList<>();

    private AppiumPrepareResult prepare(Set<String> drivers) {
        return new AppiumPreparer(new CacheLayout(cache), ops, progress::add, "Linux", "amd64").prepare(drivers, 10_000);
    }

    @Test
    void missThenHitThenABrokenInstallIsRebuiltOnce() throws IOException {
        AppiumPrepareResult miss = prepare(Set.of("Fake"));
        assertThat(miss.ok()).as(miss.toString()).isTrue();
        assertThat(miss.cache()).isEqualTo(PrepareResult.Cache.MISS);
        assertThat(miss.defaulted()).isFalse();
        Path dir = Path.of(miss.installDir());
        assertThat(dir).isEqualTo(cache.resolve("appium").resolve(miss.artifactKey()));
        assertThat(dir.resolve("home/node_modules/.cache/appium")).as("install paths of the scratch dir are dropped").doesNotExist();
        assertThat(dir.resolve(AppiumMetadata.FILE)).isRegularFile();

        AppiumPrepareResult hit = prepare(Set.of("Fake"));
        assertThat(hit.cache()).isEqualTo(PrepareResult.Cache.HIT);
        assertThat(hit.artifactKey()).isEqualTo(miss.artifactKey());
        assertThat(ops.installs).isEqualTo(1);
        assertThat(ops.healthChecks).as("checked after the build and on the hit").isEqualTo(2);

        CacheLayout.deleteTree(dir.resolve("home/node_modules/@appium/fake-driver"));
        AppiumPrepareResult rebuilt = prepare(Set.of("Fake"));
        assertThat(rebuilt.ok()).as(rebuilt.toString()).isTrue();
        assertThat(rebuilt.cache()).isEqualTo(PrepareResult.Cache.REBUILT);
        assertThat(rebuilt.recoveryReason()).contains("home/node_modules/@appium/fake-driver/package.json is missing");
        assertThat(ops.installs).isEqualTo(2);
        assertThat(prepare(Set.of("Fake")).cache()).isEqualTo(PrepareResult.Cache.HIT);
        assertThat(workDirs()).isEmpty();
    }

    @Test
    void aHitThatFailsItsHealthCheckIsRebuilt() {
        prepare(Set.of("Fake"));
        ops.health.add("the Appium server was not ready within 60 s");
        AppiumPrepareResult r = prepare(Set.of("Fake"));
        assertThat(r.cache()).isEqualTo(PrepareResult.Cache.REBUILT);
        assertThat(r.recoveryReason()).isEqualTo("health check failed: the Appium server was not ready within 60 s");
    }

    @Test
    void stillBadAfterTheRebuildFailsNamingBothProblems() {
        AppiumPrepareResult first = prepare(Set.of("Fake"));
        ops.health.addAll(List.of("sick once", "sick twice"));
        AppiumPrepareResult r = prepare(Set.of("Fake"));
        assertThat(r.ok()).isFalse();
        assertThat(r.failureReason()).contains("sick once").contains("rebuilt once").contains("sick twice");
        assertThat(r.failureCode()).isEqualTo("PREPARE_FAILED");
        assertThat(cache.resolve("appium").resolve(first.artifactKey())).doesNotExist();
        assertThat(AppiumInstalls.find(cache, Set.of("Fake"))).isEmpty();
    }

    @Test
    void aFailedInstallLeavesNothing() throws IOException {
        ops.installFailure = "npm install appium@3.8.0 failed with exit 1: ENOTFOUND";
        AppiumPrepareResult r = prepare(Set.of("Fake"));
        assertThat(r.ok()).isFalse();
        assertThat(r.cache()).isEqualTo(PrepareResult.Cache.MISS);
        assertThat(r.failureReason()).contains("ENOTFOUND");
        assertThat(r.artifactKey()).matches("[0-9a-f]{16}");
        assertThat(workDirs()).isEmpty();
        try (Stream<Path> s = Files.list(cache.resolve("appium"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly(".lock");
        }
    }

    @Test
    void noNamedDriverInstallsTheFakeOne() {
        AppiumPrepareResult r = prepare(Set.of());
        assertThat(r.defaulted()).isTrue();
        assertThat(r.drivers()).containsOnlyKeys("Fake");
    }

    @Test
    void missingOrOldNodeIsNodeMissingSayingWhatToInstall() {
        ops.node = null;
        AppiumPrepareResult none = prepare(Set.of("Fake"));
        assertThat(none.failureCode()).isEqualTo("NODE_MISSING");
        ops.node = "v18.19.1";
        AppiumPrepareResult old = prepare(Set.of("Fake"));
        assertThat(old.ok()).isFalse();
        assertThat(old.failureCode()).isEqualTo("NODE_MISSING");
        assertThat(old.failureReason()).contains("18.19.1 is too old").contains("20.19");
        assertThat(ops.installs).isZero();
        assertThat(dev.tandem.protocol.ErrorCode.NODE_MISSING.hint()).contains("apt-get install nodejs npm").contains("brew install node");
    }

    @Test
    void anUnknownDriverIsAFailureNamingTheKnownOnes() {
        AppiumPrepareResult r = prepare(Set.of("Espresso"));
        assertThat(r.ok()).isFalse();
        assertThat(r.failureReason()).contains("Espresso").contains("XCUITest").contains("devices file");
    }

    @Test
    void twoPreparesAtOnceBuildOnce() throws Exception {
        List<AppiumPrepareResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread a = new Thread(() -> results.add(prepare(Set.of("Fake"))));
        Thread b = new Thread(() -> results.add(prepare(Set.of("Fake"))));
        a.start();
        b.start();
        a.join(20_000);
        b.join(20_000);
        assertThat(results).extracting(AppiumPrepareResult::cache)
                .containsExactlyInAnyOrder(PrepareResult.Cache.MISS, PrepareResult.Cache.HIT);
        assertThat(ops.installs).isEqualTo(1);
    }

    @Test
    void onlyTheNewestInstallsAreKept() {
        prepare(Set.of("Fake"));
        prepare(Set.of("UiAutomator2"));
        prepare(Set.of("XCUITest"));
        prepare(Set.of("Fake", "UiAutomator2"));
        assertThat(progress).anyMatch(m -> m.contains("pruned"));
        try (Stream<Path> s = Files.list(cache.resolve("appium"))) {
            assertThat(s.filter(p -> !p.getFileName().toString().startsWith("."))).hasSize(CacheLayout.KEEP);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Path> workDirs() throws IOException {
        try (Stream<Path> s = Files.list(cache.resolve("appium"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(".scratch-") || p.getFileName().toString().startsWith(".bad-")).toList();
        }
    }
}
