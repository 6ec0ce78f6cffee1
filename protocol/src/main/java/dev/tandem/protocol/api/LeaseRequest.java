package dev.tandem.protocol.api;

import java.util.List;

/**
 * {@code POST /v1/leases}: an exclusive lease on devices for a client that drives them one command
 * at a time (an MCP session, the Java API, a JUnit test). The lease lives while its client does:
 * it ends on {@code /v1/leases/release}, when the client's pid dies, or when no heartbeat came for
 * {@link LeaseReply#expiresAfterMs()}.
 *
 * @param owner who asks, shown by {@code tandem sessions} (e.g. {@code mcp claude-code})
 * @param clientPid the client's pid: the lease ends soon after it dies
 * @param specs device specs, one device each ({@code sim}, {@code sim:sim-3}, {@code web:pixel-7}, {@code android});
 *              empty: {@code count} devices of {@code platform}
 * @param platform with no specs: the platform of the devices (null: the daemon's default)
 * @param count with no specs: how many devices (null: 1)
 * @param waitMs how long to wait for busy devices (null or 0: fail at once with DEVICE_UNAVAILABLE naming the holders)
 * @param lease an existing lease of this client to add the devices to (null: a new lease)
 */
public record LeaseRequest(String owner, long clientPid, List<String> specs, String platform, Integer count, Long waitMs,
        String lease) {
    public LeaseRequest {
        specs = specs == null ? List.of() : List.copyOf(specs);
    }
}
