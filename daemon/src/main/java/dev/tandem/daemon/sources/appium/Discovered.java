package dev.tandem.daemon.sources.appium;

import dev.tandem.daemon.devices.DeviceIds;
import dev.tandem.protocol.Platform;
import java.util.LinkedHashMap;
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

    /** The device id for a tool's serial or UDID ({@link DeviceIds}: {@code emulator-5554} → {@code android-emulator-5554}). */
    public static String idOf(Platform platform, String serial) {
        return DeviceIds.of(platform, serial);
    }

    static String sanitize(String serial) {
        return DeviceIds.sanitize(serial);
    }
}
