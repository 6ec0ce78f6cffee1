package dev.tandem.daemon.devices;

import dev.tandem.protocol.Platform;

/**
 * One device the daemon can drive.
 *
 * @param profile the profile its runner starts with (sim: latency profile; web: device profile)
 * @param source the name of the device source that offers it ({@code sim}, {@code web}, or the
 *     {@code name} of its {@code devices.yaml} entry)
 */
public record DeviceSlot(String id, Platform platform, String profile, String source) {}
