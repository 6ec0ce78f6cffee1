package dev.tandem.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.client.Lease;
import dev.tandem.client.RunOutcome;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.CommandRequest;
import dev.tandem.protocol.api.DevicesReply;
import dev.tandem.protocol.api.LeaseReply;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The session's gateway to the daemon through the Java client: one {@link Lease} for the session
 * (heartbeated by the client while it is open), opened by the first {@code acquire}. The daemon is
 * found or started on first use, so {@code tools/list} needs none.
 */
public final class ClientGateway implements DeviceGateway {
    private final Supplier<TandemClient> connect;
    private volatile String owner;
    private final long pid = ProcessHandle.current().pid();
    private TandemClient client;
    /** Read without the lock: a call waiting for busy devices must not hold up the others. */
    private volatile Lease lease;

    /** @param owner who holds the lease, as {@code tandem sessions} shows it, until the client names itself */
    public ClientGateway(Supplier<TandemClient> connect, String owner) {
        this.connect = connect;
        this.owner = owner;
    }

    @Override
    public void clientName(String name) {
        if (name != null && !name.isBlank()) owner = "mcp " + name;
    }

    private synchronized TandemClient client() {
        if (client == null) client = connect.get();
        return client;
    }

    @Override
    public DevicesReply devices() {
        return client().devices();
    }

    @Override
    public synchronized List<LeaseReply.Device> acquire(List<String> specs, String platform, Integer count, Long waitMs) {
        if (lease != null && !lease.alive()) lease = null; // the daemon ended it (this process went silent): start a new one
        LeaseRequest req = new LeaseRequest(owner, pid, specs, platform, count, waitMs, null);
        if (lease == null) lease = Lease.open(client(), req);
        else lease.add(req);
        return lease.devices();
    }

    @Override
    public synchronized List<LeaseReply.Device> release(List<String> devices) {
        if (lease == null) return List.of();
        lease.release(devices);
        List<LeaseReply.Device> left = lease.alive() ? lease.devices() : List.of();
        if (left.isEmpty()) {
            lease.close();
            lease = null;
        }
        return left;
    }

    @Override
    public List<LeaseReply.Device> leased() {
        Lease l = lease;
        if (l == null || !l.alive()) return List.of();
        return l.devices();
    }

    @Override
    public String leaseId() {
        Lease l = lease;
        return l == null || !l.alive() ? null : l.id();
    }

    private String requireLease() {
        String id = leaseId();
        if (id == null) throw new TandemException(ErrorCode.DEVICE_NOT_LEASED, "this MCP session holds no device; call `acquire` first");
        return id;
    }

    @Override
    public Snapshot snapshot(String device) {
        return client().snapshot(device, requireLease());
    }

    @Override
    public CommandReply command(String device, String tool, ObjectNode params, String ref) {
        return client().command(new CommandRequest(requireLease(), device, tool, params, ref, null, pid));
    }

    @Override
    public RunOutcome run(RunRequest req, Consumer<RunEvent> events) {
        return client().run(req, events);
    }

    @Override
    public synchronized void close() {
        try {
            if (lease != null) lease.close();
        } catch (TandemException e) {
            // the daemon is gone or already ended the lease: nothing left to give back
        } finally {
            lease = null;
            if (client != null) client.close();
        }
    }
}
