package dev.tandem.daemon.prepare.appium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.protocol.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-time lookup over fake cache trees (the real layout's key files, no node). */
class AppiumInstallsTest {
    @TempDir
    Path tmp;

    private Path prepared(Path cacheRoot, Set<String> drivers) {
        AppiumPrepareResult r = new AppiumPreparer(new CacheLayout(cacheRoot), new FakeAppiumOps(), msg -> {}, System.getProperty("os.name"),
                System.getProperty("os.arch")).prepare(drivers, 10_000);
        assertThat(r.ok()).as(r.toString()).isTrue();
        return Path.of(r.installDir());
    }

    @Test
    void findsAPreparedInstallWithItsPaths() {
        Path cache = tmp.resolve("cache");
        Path dir = prepared(cache, Set.of("Fake"));
        AppiumInstall i = AppiumInstalls.find(cache, Set.of("Fake")).orElseThrow();
        assertThat(i.dir()).isEqualTo(dir);
        assertThat(i.appiumBin()).isEqualTo(dir.resolve("node_modules/.bin/appium"));
        assertThat(i.appiumHome()).isEqualTo(dir.resolve("home"));
        assertThat(i.key()).isEqualTo(dir.getFileName().toString());
        assertThat(i.appiumVersion()).isEqualTo("3.8.0");
        assertThat(i.drivers()).containsExactlyEntriesOf(java.util.Map.of("Fake", "6.2.4"));
        assertThat(AppiumInstalls.find(cache, Set.of("fake"))).as("automation names match case-insensitively").isPresent();
        assertThat(AppiumInstalls.find(cache, Set.of())).isPresent();
    }

    @Test
    void anInstallWithoutANeededDriverIsNotFound() {
        Path cache = tmp.resolve("cache");
        prepared(cache, Set.of("Fake"));
        assertThat(AppiumInstalls.find(cache, Set.of("Fake", "UiAutomator2"))).isEmpty();
        assertThat(AppiumInstalls.find(cache, Set.of("Espresso"))).isEmpty();
        assertThat(AppiumInstalls.find(tmp.resolve("nothing-here"), Set.of("Fake"))).isEmpty();
    }

    @Test
    void theNewestOfSeveralFittingInstallsWins() throws IOException {
        Path cache = tmp.resolve("cache");
        Path both = prepared(cache, Set.of("Fake", "UiAutomator2"));
        Path fake = prepared(cache, Set.of("Fake"));
        // made in the same millisecond, maybe: date the first one back (createdAt is not hashed)
        AppiumMetadata m = AppiumMetadata.read(both);
        new AppiumMetadata(m.schemaVersion(), m.key(), m.createdAt() - 60_000, m.identity()).write(both);
        assertThat(AppiumInstalls.find(cache, Set.of("Fake")).orElseThrow().dir()).isEqualTo(fake);
        assertThat(AppiumInstalls.find(cache, Set.of("UiAutomator2")).orElseThrow().dir()).isEqualTo(both);
    }

    @Test
    void tornOrUnfinishedInstallsAreIgnored() throws IOException {
        Path cache = tmp.resolve("cache");
        Path dir = prepared(cache, Set.of("Fake"));
        List<Runnable> breaks = new ArrayList<>();
        byte[] manifest = Files.readAllBytes(dir.resolve(AppiumManifest.FILE));
        byte[] metadata = Files.readAllBytes(dir.resolve(AppiumMetadata.FILE));
        Path driverJson = dir.resolve("home/node_modules/@appium/fake-driver/package.json");
        byte[] driver = Files.readAllBytes(driverJson);
        breaks.add(() -> write(dir.resolve(AppiumManifest.FILE), new String(manifest).substring(0, manifest.length / 2)));
        breaks.add(() -> write(dir.resolve(AppiumMetadata.FILE), new String(metadata).substring(0, metadata.length / 2)));
        breaks.add(() -> delete(dir.resolve(AppiumMetadata.FILE)));
        breaks.add(() -> delete(dir.resolve(AppiumManifest.FILE)));
        breaks.add(() -> write(driverJson, "{\"version\":\"6.2.3\"}"));
        breaks.add(() -> delete(driverJson));
        breaks.add(() -> write(dir.resolve(AppiumMetadata.FILE), new String(metadata).replace("6.2.4", "6.2.9")));
        for (int i = 0; i < breaks.size(); i++) {
            breaks.get(i).run();
            assertThat(AppiumInstalls.find(cache, Set.of("Fake"))).as("break " + i).isEmpty();
            assertThat(AppiumInstalls.problem(cache, dir)).as("break " + i).isNotNull();
            write(dir.resolve(AppiumManifest.FILE), new String(manifest));
            write(dir.resolve(AppiumMetadata.FILE), new String(metadata));
            write(driverJson, new String(driver));
            assertThat(AppiumInstalls.find(cache, Set.of("Fake"))).as("repaired after break " + i).isPresent();
        }
    }

    @Test
    void aLinkOutOfTheCacheIsNeverFollowed() throws IOException {
        Path cache = tmp.resolve("cache");
        Path outside = prepared(tmp.resolve("elsewhere"), Set.of("Fake"));
        Files.createDirectories(AppiumInstalls.folder(cache));
        // the whole install dir a link to a valid install outside the cache
        Files.createSymbolicLink(AppiumInstalls.folder(cache).resolve(outside.getFileName()), outside);
        assertThat(AppiumInstalls.find(cache, Set.of("Fake"))).isEmpty();

        // a listed file replaced by a link to a copy outside, digest and all
        Path dir = prepared(tmp.resolve("cache2"), Set.of("Fake"));
        Path pkg = dir.resolve("node_modules/appium/package.json");
        Path copy = Files.copy(pkg, tmp.resolve("planted-package.json"));
        Files.delete(pkg);
        Files.createSymbolicLink(pkg, copy);
        assertThat(AppiumInstalls.find(tmp.resolve("cache2"), Set.of("Fake"))).isEmpty();
        assertThat(AppiumInstalls.problem(tmp.resolve("cache2"), dir)).contains("outside the install");
    }

    @Test
    void workDirsAreNeverInstalls() throws IOException {
        Path cache = tmp.resolve("cache");
        Path dir = prepared(cache, Set.of("Fake"));
        Path scratch = dir.resolveSibling(".scratch-1-1");
        Files.move(dir, scratch);
        assertThat(AppiumInstalls.find(cache, Set.of("Fake"))).isEmpty();
    }

    @Test
    void theMissingErrorSaysWhatToRun() {
        var e = AppiumInstalls.missing(tmp, Set.of("Fake"));
        assertThat(e.code()).isEqualTo(ErrorCode.APPIUM_NOT_PREPARED);
        assertThat(e.getMessage()).contains("tandem prepare --platform appium").contains("@appium/fake-driver@6.2.4").contains(tmp.toString());
        assertThat(AppiumInstalls.missing(tmp, Set.of("Espresso")).getMessage()).contains("Espresso").contains("UiAutomator2");
        assertThat(ErrorCode.APPIUM_NOT_PREPARED.hint()).contains("tandem prepare --platform appium");
    }

    @Test
    void wdaCapabilitiesPointIntoTheKeyAndUseTheBuildOnceItExists() throws IOException {
        Path cache = tmp.resolve("cache");
        prepared(cache, Set.of("XCUITest"));
        AppiumInstall ios = AppiumInstalls.find(cache, Set.of("XCUITest")).orElseThrow();
        assertThat(ios.wdaCapabilities()).containsExactly(java.util.Map.entry("appium:derivedDataPath",
                ios.dir().resolve("wda-derived-data").toString()));
        Path products = Files.createDirectories(ios.wdaDerivedData().resolve("Build/Products"));
        Files.writeString(products.resolve("WebDriverAgentRunner_iphonesimulator18.5-arm64.xctestrun"), "<plist/>");
        assertThat(ios.wdaCapabilities()).containsEntry("appium:usePrebuiltWDA", true);

        prepared(cache, Set.of("Fake"));
        assertThat(AppiumInstalls.find(cache, Set.of("Fake")).orElseThrow().wdaCapabilities()).isEmpty();
    }

    private static void write(Path p, String s) {
        try {
            Files.writeString(p, s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
