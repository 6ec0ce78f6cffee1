package dev.tandem.protocol.api;

import java.util.List;

/**
 * The daemon API's paths (docs/daemon-api.md). Every request carries the bearer token from
 * daemon.json; every failure is an {@link ErrorReply}.
 */
public final class Routes {
    private Routes() {}

    /** GET: {@link StatusReply}. */
    public static final String STATUS = "/v1/status";
    /** GET: {@link DevicesReply}. */
    public static final String DEVICES = "/v1/devices";
    /** GET: {@link SessionsReply}. */
    public static final String SESSIONS = "/v1/sessions";
    /** POST a {@link RunRequest}: a stream of {@link RunEvent}s (NDJSON) ending in {@link RunEvent.Exit}. */
    public static final String RUNS = "/v1/runs";
    /** POST a {@link SuiteRequest}: a stream of {@link RunEvent}s (NDJSON) ending in {@link RunEvent.Exit}. */
    public static final String SUITES = "/v1/suites";
    /** POST a {@link SnapshotRequest}: the device's {@link dev.tandem.protocol.Snapshot}. */
    public static final String SNAPSHOT = "/v1/snapshot";
    /** POST a {@link LeaseRequest}: {@link LeaseReply}. */
    public static final String LEASES = "/v1/leases";
    /** POST a {@link ReleaseRequest}: {@link LeaseReply}. */
    public static final String RELEASE = "/v1/leases/release";
    /** POST a {@link HeartbeatRequest}: {@link LeaseReply}. */
    public static final String HEARTBEAT = "/v1/leases/heartbeat";
    /** POST a {@link CommandRequest}: {@link CommandReply}. */
    public static final String COMMANDS = "/v1/commands";
    /** POST (empty body): {@link ShutdownReply}, then the daemon stops with its runners. */
    public static final String SHUTDOWN = "/v1/shutdown";

    public static final List<String> ALL = List.of(STATUS, DEVICES, SESSIONS, RUNS, SUITES, SNAPSHOT, LEASES, RELEASE,
            HEARTBEAT, COMMANDS, SHUTDOWN);
}
