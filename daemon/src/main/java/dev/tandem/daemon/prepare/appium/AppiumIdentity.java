package dev.tandem.daemon.prepare.appium;

import dev.tandem.daemon.prepare.Canonical;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything an Appium install depends on; its canonical form hashes to the install's key
 * ({@link Canonical#key}, the same function as the runner cache's), so the order drivers were
 * named in never matters. Changing a field's meaning: bump {@link #SCHEMA_VERSION}.
 *
 * @param appium the server's {@code package@version}
 * @param drivers automationName → the driver's {@code package@version}
 * @param node Node's {@code major.minor}: native modules and the engines check follow it
 * @param xcode with XCUITest on macOS, {@code xcodebuild -version} and the iOS simulator SDK
 *     version (the WebDriverAgent build under the key depends on them); {@link #NO_XCODE} otherwise
 * @param os {@code os.name}, {@code arch}: {@code os.arch} (npm installs per-platform binaries)
 */
public record AppiumIdentity(int schemaVersion, String appium, Map<String, String> drivers, String node, String xcode,
        String os, String arch) {
    /** 1: first version. */
    public static final int SCHEMA_VERSION = 1;
    public static final String NO_XCODE = "none";

    public AppiumIdentity {
        drivers = Map.copyOf(new TreeMap<>(drivers));
    }

    /** The identity of installing {@code pins} (automationName → pin) with this Node on this host. */
    public static AppiumIdentity of(Map<String, AppiumPins.Driver> pins, NodeVersion node, String xcode, String os, String arch) {
        Map<String, String> drivers = new TreeMap<>();
        pins.forEach((name, d) -> drivers.put(d.automationName(), d.spec()));
        boolean xcodeMatters = drivers.containsKey(AppiumPins.XCUITEST) && xcode != null && !xcode.isBlank();
        return new AppiumIdentity(SCHEMA_VERSION, AppiumPins.appiumSpec(), drivers, node.majorMinor(),
                xcodeMatters ? xcode.strip() : NO_XCODE, os, arch);
    }

    public String key() {
        return Canonical.key(this);
    }
}
