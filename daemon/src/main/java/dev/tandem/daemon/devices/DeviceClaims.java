package dev.tandem.daemon.devices;

import java.util.Optional;
import java.util.function.Function;

/**
 * How the allocator keeps other daemons (other state dirs) off the devices it grants: it claims a
 * device's machine-wide lock in the same step as the grant, so two daemons racing for one device
 * never both grant it — the loser sees the winner and waits its bound like any other waiter.
 * Every call is non-blocking (the allocator calls them under its own lock).
 */
public interface DeviceClaims {
    /** The other daemon driving the device, if any (a probe; takes nothing). */
    Optional<MachineLocks.Holder> heldElsewhere(String deviceId);

    /** Whether this daemon holds the device's machine lock already. */
    boolean held(String deviceId);

    /** Takes the device's machine lock if free; the other daemon when it has it. */
    Optional<MachineLocks.Holder> claim(String deviceId);

    /** The lease that claimed the device ended: release the lock unless something (a runner) still needs it. */
    void unclaim(String deviceId);

    /**
     * Returns once what the devices' sources hold outside this host for their ended leases is let
     * go (a Grid session closed), or {@code ms} passed; at once for devices that hold nothing there.
     */
    default void awaitGivenBack(java.util.Collection<String> deviceIds, long ms) throws InterruptedException {}

    /** Probes only, claims nothing (tests, and pools that need no machine lock). */
    static DeviceClaims probing(Function<String, Optional<MachineLocks.Holder>> foreignHolder) {
        return new DeviceClaims() {
            @Override
            public Optional<MachineLocks.Holder> heldElsewhere(String deviceId) {
                return foreignHolder.apply(deviceId);
            }

            @Override
            public boolean held(String deviceId) {
                return false;
            }

            @Override
            public Optional<MachineLocks.Holder> claim(String deviceId) {
                return foreignHolder.apply(deviceId);
            }

            @Override
            public void unclaim(String deviceId) {
            }
        };
    }
}
