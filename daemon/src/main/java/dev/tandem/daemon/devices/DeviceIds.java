package dev.tandem.daemon.devices;

import dev.tandem.protocol.Platform;
import java.util.Locale;

/**
 * The id of a device a tool names by serial or UDID (DESIGN §7): {@code android-emulator-5554},
 * {@code ios-<udid>}. Discovery gives its devices these ids and {@code android:SERIAL} /
 * {@code ios:UDID} specs resolve through the same function, so the two always agree.
 */
public final class DeviceIds {
    private DeviceIds() {}

    /**
     * {@code PLATFORM-} and the serial lower-cased, every run of characters outside {@code [a-z0-9]}
     * one {@code -}, so it is a valid device id and file name ({@code 192.168.1.7:5555} →
     * {@code android-192-168-1-7-5555}).
     */
    public static String of(Platform platform, String serial) {
        return platform.name() + "-" + sanitize(serial);
    }

    /** Lower case, {@code [a-z0-9-]} only, no leading, trailing or doubled {@code -}; never empty. */
    public static String sanitize(String serial) {
        String s = serial.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "unnamed" : s;
    }
}
