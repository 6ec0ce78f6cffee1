package dev.tandem.protocol.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/devices}: every device of the daemon, its runner and its holder.
 *
 * @param notes one line each about devices a user may expect and the daemon does not offer, and why
 *     (e.g. {@code android: no devices discovered — adb is not installed (…)}); never null
 */
public record DevicesReply(List<Device> devices, List<String> notes) {

    @JsonCreator
    public DevicesReply {
        devices = devices == null ? List.of() : List.copyOf(devices);
        notes = notes == null ? List.of() : List.copyOf(notes); // a daemon from before notes sends none
    }

    public DevicesReply(List<Device> devices) {
        this(devices, List.of());
    }

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
