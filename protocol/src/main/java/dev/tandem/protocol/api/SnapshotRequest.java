package dev.tandem.protocol.api;

/**
 * {@code POST /v1/snapshot}: a device's UI tree. Read-only: it takes a shared lease, never waits,
 * and works while a run holds the device.
 *
 * @param device a device id ({@code sim-1})
 * @param clientPid the caller's pid, recorded on the shared lease
 * @param lease the caller's lease, or null: the refs of this snapshot become the scope's latest
 *              (a lease's own scope, or the one shared by one-shot commands), which later commands' refs name
 */
public record SnapshotRequest(String device, long clientPid, String lease) {
    public SnapshotRequest(String device, long clientPid) {
        this(device, clientPid, null);
    }
}
