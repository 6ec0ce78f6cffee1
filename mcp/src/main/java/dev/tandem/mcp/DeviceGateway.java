package dev.tandem.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.client.RunOutcome;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.DevicesReply;
import dev.tandem.protocol.api.LeaseReply;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunRequest;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one MCP session needs from the daemon: the pool, one lease of its own (opened by the first
 * {@link #acquire}, grown by later ones, heartbeated while open), and commands, snapshots and runs
 * on it. {@link ClientGateway} is the real one; tests use a fake. Failures are
 * {@link dev.tandem.protocol.TandemException}s with the daemon's code.
 */
public interface DeviceGateway extends AutoCloseable {

    DevicesReply devices();

    /** The MCP client's name (from its initialize), for the lease's owner as {@code tandem sessions} shows it. */
    default void clientName(String name) {}

    /**
     * Adds devices to the session's lease (opening it on first use).
     *
     * @param specs one device each ({@code sim}, {@code sim:sim-3}); empty: {@code count} of {@code platform}
     * @return every device the lease holds now
     */
    List<LeaseReply.Device> acquire(List<String> specs, String platform, Integer count, Long waitMs);

    /** Gives devices back (empty: all, and the lease ends); returns what the lease still holds. */
    List<LeaseReply.Device> release(List<String> devices);

    /** The devices the session's lease holds, as far as this session knows (empty: no lease). */
    List<LeaseReply.Device> leased();

    /** The lease's id, or null when the session holds none. */
    String leaseId();

    /** The device's tree; its refs become the ones later commands of this session may name. */
    Snapshot snapshot(String device);

    /** One tool on a leased device ({@code tool}: its wire name; {@code ref}: an element of the latest snapshot, or null). */
    CommandReply command(String device, String tool, ObjectNode params, String ref);

    /** Runs a plan (on the lease's devices when {@code req.lease()} is set), every event to {@code events}. */
    RunOutcome run(RunRequest req, Consumer<RunEvent> events);

    /** Releases the lease, if any. */
    @Override
    void close();
}
