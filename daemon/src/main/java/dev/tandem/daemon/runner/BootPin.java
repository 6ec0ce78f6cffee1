package dev.tandem.daemon.runner;

/**
 * A run's hold on one device's runner boot. Commands sent through a pin go to that boot only: if
 * it is gone and the device's state does not survive a runner restart (sim, web), the command
 * fails with {@code DEVICE_RESET} instead of reaching a fresh boot, which would be a blank device.
 * Where the state survives (a real phone), recovery may move the pin to the new boot.
 */
public final class BootPin {
    private final String deviceId;
    private volatile RunnerHandle handle;

    public BootPin(RunnerHandle handle) {
        this.deviceId = handle.deviceId();
        this.handle = handle;
    }

    public String deviceId() {
        return deviceId;
    }

    /** The boot commands go to now. */
    public RunnerHandle handle() {
        return handle;
    }

    void moveTo(RunnerHandle next) {
        handle = next;
    }
}
