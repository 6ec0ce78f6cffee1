package dev.tandem.daemon.devices;

/**
 * One device the daemon can drive.
 *
 * @param profile the profile its runner starts with (sim: latency profile; web: device profile)
 */
public record DeviceSlot(String id, String platform, String profile) {}
