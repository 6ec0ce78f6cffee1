package dev.tandem.protocol.api;

/** {@code POST /v1/leases/heartbeat}: the lease's client is alive; answered with its {@link LeaseReply}. */
public record HeartbeatRequest(String lease) {}
