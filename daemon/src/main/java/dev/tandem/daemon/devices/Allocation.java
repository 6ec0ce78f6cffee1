package dev.tandem.daemon.devices;

import java.util.Map;

/**
 * Devices granted to one owner (a run), all at once.
 *
 * @param byLabel the device each plan label got
 * @param profiles the profile each label asked for (null: the device's own)
 */
public record Allocation(String owner, long ownerPid, Map<String, DeviceSlot> byLabel, Map<String, String> profiles) {}
