package dev.tandem.bench.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the Appium harnesses share: a CLI on a cache with a prepared Appium, and fake-driver devices. */
final class AppiumFakes {
    private AppiumFakes() {}

    /** A private CLI whose cache is {@code TANDEM_CACHE_DIR} when set (a prepared Appium there), else the bench's own. */
    static Cli cli() throws Exception {
        Cli cli = new Cli("instant");
        String cache = System.getenv("TANDEM_CACHE_DIR");
        if (cache != null && !cache.isBlank()) cli.env("TANDEM_CACHE_DIR", cache);
        return cli;
    }

    /** A devices.yaml with {@code n} fake-driver devices fake-1…fake-n on the example shop app (copied beside it). */
    static Path devicesFile(Cli cli, int n) throws Exception {
        Files.copy(Cli.ROOT.resolve("examples/appium/shop-app.xml"), cli.work.resolve("shop-app.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        StringBuilder y = new StringBuilder("sources:\n  - type: appium\n    name: fake-phones\n    devices:\n");
        for (int i = 1; i <= n; i++) {
            y.append("      - id: fake-").append(i).append("\n        capabilities:\n          platformName: Fake\n")
                    .append("          appium:deviceName: Fake Phone ").append(i).append("\n          appium:app: shop-app.xml\n");
        }
        return cli.write("devices.yaml", y.toString());
    }
}
