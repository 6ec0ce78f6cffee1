package dev.tandem.daemon.devices;

import java.util.List;

/**
 * The devices a pool offers, as its sources know them now. Most sources' lists are fixed for the
 * daemon's life; a Selenium Grid's follow its status ({@link #refresh()}), so devices can appear
 * (a node joined: new ids, or ids that were gone come back) and go (a node left).
 */
public interface DeviceList {
    /** The devices that can be leased now, in source order. */
    List<DeviceSlot> offered();

    /** Devices offered once and gone now: not leased again; a lease that holds one keeps it until the lease ends. */
    List<DeviceSlot> gone();

    /** Asks the sources that can change to look again (bounded, at most once a second each); true when the lists changed. */
    boolean refresh();

    /** A list that never changes (local pools, tests). */
    static DeviceList fixed(List<DeviceSlot> slots) {
        List<DeviceSlot> copy = List.copyOf(slots);
        return new DeviceList() {
            @Override
            public List<DeviceSlot> offered() {
                return copy;
            }

            @Override
            public List<DeviceSlot> gone() {
                return List.of();
            }

            @Override
            public boolean refresh() {
                return false;
            }
        };
    }
}
