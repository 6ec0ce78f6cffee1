package dev.tandem.daemon.sources.appium;

import dev.tandem.protocol.Platform;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A device that discovery found and that Appium can drive now, with the capabilities a session on
 * it starts with (the ports are not among them: Tandem assigns those per runner, DESIGN §7).
 *
 * @param id the daemon-wide device id (DESIGN §7): {@code android-<serial>}, {@code ios-<udid>}, sanitized
 * @param udid what the tool calls the device: adb's serial, the simulator's UDID (as the tool prints it)
 * @param name for people: the phone's model, the simulator's name
 */
public record Discovered(String id, Platform platform, String udid, String name, Map<String, Object> capabilities) {

    public Discovered {
        capabilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(capabilities));
    }

    /** An adb device in state {@code device}. */
    static Discovered android(AdbDevices.Entry e) {
        String name = e.model() != null ? e.model() : e.serial();
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("platformName", "Android");
        caps.put("appium:automationName", "UiAutomator2");
        caps.put("appium:udid", e.serial());
        caps.put("appium:deviceName", name);
        return new Discovered(idOf(Platform.ANDROID, e.serial()), Platform.ANDROID, e.serial(), name, caps);
    }

    /** A booted, available iOS simulator. */
    static Discovered ios(SimctlDevices.Simulator s) {
        Map<String, Object> caps = new LinkedHashMap<>();
        caps.put("platformName", "iOS");
        caps.put("appium:automationName", "XCUITest");
        caps.put("appium:udid", s.udid());
        caps.put("appium:deviceName", s.name());
        caps.put("appium:platformVersion", s.runtimeVersion());
        return new Discovered(idOf(Platform.IOS, s.udid()), Platform.IOS, s.udid(), s.name(), caps);
    }

    /**
     * The device id for a tool's serial or UDID: {@code PLATFORM-} and the serial lower-cased, every
     * run of characters outside {@code [a-z0-9]} one {@code -}, so it is a valid device id and file
     * name ({@code emulator-5554} → {@code android-emulator-5554}, {@code 192.168.1.7:5555} →
     * {@code android-192-168-1-7-5555}). {@code Requirement} resolves {@code android:SERIAL} the same way.
     */
    public static String idOf(Platform platform, String serial) {
        return platform.name() + "-" + sanitize(serial);
    }

    /** Lower case, {@code [a-z0-9-]} only, no leading, trailing or doubled {@code -}; never empty. */
    public static String sanitize(String serial) {
        String s = serial.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "unnamed" : s;
    }
}
