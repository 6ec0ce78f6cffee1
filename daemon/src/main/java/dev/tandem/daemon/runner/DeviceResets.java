package dev.tandem.daemon.runner;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;

/** The sentence a {@code DEVICE_RESET} carries: which runner went, how, and why the run cannot go on. */
public final class DeviceResets {
    private DeviceResets() {}

    /**
     * @param dead the boot the run was pinned to
     * @param during what was happening ("while it ran tapOn", "during the run"), or null
     */
    public static ErrorInfo error(RunnerHandle dead, String during) {
        return new ErrorInfo(ErrorCode.DEVICE_RESET, "device " + dead.deviceId() + " was reset: its runner (pid "
                + dead.pid() + ", boot " + dead.bootId() + ") " + dead.exitDescription() + (during == null ? "" : " " + during)
                + ", and a " + dead.file().platform() + " device's state does not survive a runner restart, so the run did not go on"
                + " against a blank device. Rerun the plan; if it recurs, see $TANDEM_HOME/logs/runner-" + dead.deviceId() + ".log");
    }
}
