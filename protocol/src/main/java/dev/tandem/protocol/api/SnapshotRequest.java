package dev.tandem.protocol.api;

/**
 * {@code POST /v1/snapshot}: a device's UI tree. Read-only: it takes a shared lease, never waits,
 * and works while a run holds the device.
 *
 * @param device a device id ({@code sim-1})
 * @param clientPid the caller's pid, recorded on the shared lease
 */
public record SnapshotRequest(String device, long clientPid) {}
