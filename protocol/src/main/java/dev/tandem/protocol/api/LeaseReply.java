package dev.tandem.protocol.api;

import java.util.List;

/**
 * The answer to {@code /v1/leases} and {@code /v1/leases/heartbeat}.
 *
 * @param lease the lease's id: every later command, snapshot, heartbeat and release names it
 * @param devices every device the lease holds now, with its platform and profile
 * @param expiresAfterMs the lease ends when no heartbeat came for this long (send one every third of it)
 */
public record LeaseReply(String lease, List<Device> devices, long expiresAfterMs) {
    public LeaseReply {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** @param id the device id ({@code sim-1}) */
    public record Device(String id, String platform, String profile) {}
}
