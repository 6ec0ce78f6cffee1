package dev.tandem.it.prepare;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.daemon.prepare.appium.AppiumInstall;
import dev.tandem.daemon.prepare.appium.AppiumInstalls;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The Appium install scripts/test.sh prepared for the tests ({@code tandem prepare --platform
 * appium} into {@code $TANDEM_TEST_CACHE_DIR}), for integration tests that need a real Appium
 * server. Without it a test is skipped, saying how to get it, unless {@code TANDEM_REQUIRE_APPIUM=1}
 * (scripts/test.sh, CI), where that is a failure. A test that runs devices on it points its
 * {@code TANDEM_CACHE_DIR} at {@link #cacheDir()}, so the daemon's lookup finds the same install.
 */
public final class TestAppium {
    public static final String CACHE_ENV = "TANDEM_TEST_CACHE_DIR";

    private TestAppium() {}

    /** The test cache holding the install. */
    public static Path cacheDir() {
        String dir = System.getenv(CACHE_ENV);
        require(dir != null && !dir.isBlank(), CACHE_ENV + " is not set");
        return Path.of(dir);
    }

    /** The install with the fake driver. */
    public static AppiumInstall fakeDriver() {
        Path cache = cacheDir();
        Optional<AppiumInstall> found = AppiumInstalls.find(cache, Set.of("Fake"));
        require(found.isPresent(), "no prepared Appium install with the fake driver in " + cache);
        return found.get();
    }

    private static void require(boolean ok, String why) {
        String message = "Appium is not prepared for this test (" + why + "): run scripts/test.sh, or `./tandem prepare --platform"
                + " appium` with TANDEM_CACHE_DIR=DIR and set " + CACHE_ENV + "=DIR";
        if (!ok && "1".equals(System.getenv("TANDEM_REQUIRE_APPIUM"))) throw new AssertionError(message + " (TANDEM_REQUIRE_APPIUM=1)");
        assumeTrue(ok, message);
    }
}
