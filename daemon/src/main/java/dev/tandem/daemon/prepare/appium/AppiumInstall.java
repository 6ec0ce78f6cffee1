package dev.tandem.daemon.prepare.appium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A prepared, healthy Appium install in the cache, as a run uses it: start {@code appiumBin} with
 * {@code APPIUM_HOME=appiumHome}.
 *
 * @param dir {@code <cache>/appium/<key>/}
 * @param appiumBin {@code dir/node_modules/.bin/appium}
 * @param appiumHome {@code dir/home}: where the drivers are installed
 * @param drivers automationName → installed driver version
 */
public record AppiumInstall(Path dir, Path appiumBin, Path appiumHome, String key, String appiumVersion, Map<String, String> drivers) {
    public static final String BIN = "node_modules/.bin/appium";
    public static final String HOME = "home";
    /** WebDriverAgent's Xcode derived data: under the key, whose Xcode fingerprint it was built with. */
    public static final String WDA_DERIVED_DATA = "wda-derived-data";

    public AppiumInstall {
        drivers = Map.copyOf(drivers);
    }

    static AppiumInstall at(Path dir, String key, String appiumVersion, Map<String, String> drivers) {
        return new AppiumInstall(dir, dir.resolve(BIN), dir.resolve(HOME), key, appiumVersion, drivers);
    }

    public Path wdaDerivedData() {
        return dir.resolve(WDA_DERIVED_DATA);
    }

    /**
     * The session capabilities that make XCUITest keep WebDriverAgent's build under this key:
     * {@code appium:derivedDataPath} always (the first session builds into it), and
     * {@code appium:usePrebuiltWDA} once a build is there (an {@code .xctestrun} under
     * {@code Build/Products}), so later sessions skip xcodebuild. Empty without the XCUITest driver.
     */
    public Map<String, Object> wdaCapabilities() {
        if (!drivers.containsKey(AppiumPins.XCUITEST)) return Map.of();
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("appium:derivedDataPath", wdaDerivedData().toString());
        if (wdaBuilt()) caps.put("appium:usePrebuiltWDA", true);
        return caps;
    }

    private boolean wdaBuilt() {
        Path products = wdaDerivedData().resolve("Build").resolve("Products");
        if (!Files.isDirectory(products)) return false;
        try (Stream<Path> s = Files.list(products)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".xctestrun"));
        } catch (IOException e) {
            return false;
        }
    }
}
