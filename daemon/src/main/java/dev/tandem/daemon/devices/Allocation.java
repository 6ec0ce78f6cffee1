package dev.tandem.daemon.devices;

import java.util.Map;

/**
 * Devices granted to one owner (a run), all at once.
 *
 * @param byLabel the device each plan label got
 * @param profiles the profile each label asked for (null: the device's own)
 * @param grant the allocator's grant sequence number (order of grants; 0 outside the allocator)
 */
public record Allocation(String owner, long ownerPid, Map<String, DeviceSlot> byLabel, Map<String, String> profiles, long grant) {
    public Allocation(String owner, long ownerPid, Map<String, DeviceSlot> byLabel, Map<String, String> profiles) {
        this(owner, ownerPid, byLabel, profiles, 0);
    }
}
