package dev.tandem.protocol.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** {@code GET /v1/devices}: every device of the daemon, its runner and its holder. */
public record DevicesReply(List<Device> devices) {

    /**
     * One device.
     *
     * @param profile the profile its runner runs with now, else its default
     * @param source the device source that offers it (devices.yaml: docs/devices.md)
     * @param runnerPid, runnerPort present when a runner is known
     * @param run, ownerPid present when busy: the run (lease owner) holding it and its client's pid
     */
    public record Device(String id, String platform, String profile, String source, RunnerState runner, Long runnerPid, Integer runnerPort,
            DeviceState state, String run, Long ownerPid) {}

    public enum DeviceState {
        FREE, BUSY;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code running}: alive; {@code stopped}: none; {@code dead}: known but its process is gone. */
    public enum RunnerState {
        RUNNING, STOPPED, DEAD;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
