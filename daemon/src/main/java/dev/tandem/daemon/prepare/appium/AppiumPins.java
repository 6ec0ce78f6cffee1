package dev.tandem.daemon.prepare.appium;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;

/**
 * The one table of what {@code tandem prepare --platform appium} installs: the Appium server and a
 * driver per {@code appium:automationName}, each at an exact version from the npm registry. A
 * version change here is a new cache key (the versions are hashed), so old installs are misses.
 * The driver versions declare {@code peerDependencies: {appium: ^3.0.0-rc.2}} or wider, so each
 * runs on the pinned server; the Node range is the server's {@code engines.node}.
 */
public final class AppiumPins {
    /** One driver: the npm package Appium's {@code driver install --source=npm} takes, at one version. */
    public record Driver(String automationName, String npmPackage, String version) {
        public String spec() {
            return npmPackage + "@" + version;
        }
    }

    public static final String APPIUM_PACKAGE = "appium";
    public static final String APPIUM_VERSION = "3.8.0";
    /** {@code npm view appium@3.8.0 engines}: the Node releases the server supports. */
    public static final String NODE_ENGINES = "^20.19.0 || ^22.12.0 || >=24.0.0";
    /** The same server's {@code engines.npm}. */
    public static final int NPM_MIN_MAJOR = 10;

    public static final List<Driver> DRIVERS = List.of(
            new Driver("Fake", "@appium/fake-driver", "6.2.4"),
            new Driver("UiAutomator2", "appium-uiautomator2-driver", "8.7.0"),
            new Driver("XCUITest", "appium-xcuitest-driver", "12.13.1"));

    /**
     * What is installed when the devices file names no driver: the fake driver, which needs no
     * phone, so the examples and the tests run on any machine.
     */
    public static final Set<String> DEFAULT_DRIVERS = Set.of("Fake");

    /** The driver whose WebDriverAgent build depends on Xcode (its fingerprint joins the key). */
    public static final String XCUITEST = "XCUITest";

    private AppiumPins() {}

    public static String appiumSpec() {
        return APPIUM_PACKAGE + "@" + APPIUM_VERSION;
    }

    /** The pin for an automation name, matched as Appium does (case-insensitively). */
    public static Optional<Driver> driver(String automationName) {
        return DRIVERS.stream().filter(d -> d.automationName().equalsIgnoreCase(automationName)).findFirst();
    }

    /**
     * The pins for {@code automationNames}, keyed by the table's spelling; throws naming the
     * unknown ones and the known ones.
     */
    public static Map<String, Driver> drivers(Set<String> automationNames) {
        Map<String, Driver> out = new TreeMap<>();
        List<String> unknown = new java.util.ArrayList<>();
        for (String n : automationNames) {
            Optional<Driver> d = driver(n);
            if (d.isPresent()) out.put(d.get().automationName(), d.get());
            else unknown.add(n);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no pinned Appium driver for automationName " + String.join(", ", unknown.stream().sorted().toList())
                    + "; Tandem installs " + String.join(", ", DRIVERS.stream().map(Driver::automationName).toList()));
        }
        return out;
    }
}
