package dev.tandem.it.appium;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Appium tests find a prepared Appium server: the Tandem cache {@code scripts/test.sh}
 * fills with {@code tandem prepare --platform appium} (the fake driver) and names in
 * {@code TANDEM_TEST_CACHE_DIR}. Without it, plain {@code mvn verify} skips these tests, saying
 * how to run them; on CI ({@code CI} set) a missing install fails them instead, so a broken install
 * step can never pass as "skipped".
 */
final class AppiumInstall {
    static final String ENV = "TANDEM_TEST_CACHE_DIR";

    private AppiumInstall() {}

    /** The cache dir holding {@code appium/<key>/}; skips (or fails on CI) when there is none. */
    static Path cacheOrSkip() {
        String dir = System.getenv(ENV);
        Path cache = dir == null || dir.isBlank() ? null : Path.of(dir);
        boolean present = cache != null && Files.isDirectory(cache.resolve("appium"));
        String why = "no prepared Appium for the tests: run scripts/test.sh, or `./tandem prepare --platform appium` with "
                + "TANDEM_CACHE_DIR=DIR and set " + ENV + "=DIR";
        if (!present && System.getenv("CI") != null) throw new AssertionError(why + " (CI must run the Appium tests)");
        assumeTrue(present, why);
        return cache;
    }
}
