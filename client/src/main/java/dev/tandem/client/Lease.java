package dev.tandem.client;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.LeaseReply;
import dev.tandem.protocol.api.LeaseRequest;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A lease held for as long as this object is open: acquired by {@link #open}, kept alive by a
 * daemon thread that heartbeats every third of its expiry, released by {@link #close}. If the daemon
 * ends it (this process went silent, or it was released elsewhere), the heartbeat learns so and
 * every later call says so with DEVICE_NOT_LEASED.
 */
public final class Lease implements AutoCloseable {
    private final TandemClient client;
    private final String id;
    private final long periodMs;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread heartbeat;
    private volatile LeaseReply latest;
    private volatile TandemException gone;

    private Lease(TandemClient client, LeaseReply reply) {
        this.client = client;
        this.id = reply.lease();
        this.latest = reply;
        this.periodMs = Math.max(50, reply.expiresAfterMs() / 3);
        this.heartbeat = Thread.ofPlatform().daemon().name("tandem-lease-heartbeat").unstarted(this::beat);
    }

    /** Acquires the devices of {@code req} and starts heartbeating. */
    public static Lease open(TandemClient client, LeaseRequest req) {
        Lease l = new Lease(client, client.acquire(req));
        l.heartbeat.start();
        return l;
    }

    private void beat() {
        try {
            while (!closed.await(periodMs, TimeUnit.MILLISECONDS)) {
                try {
                    latest = client.heartbeat(id);
                } catch (TandemException e) {
                    if (e.code() == ErrorCode.DEVICE_NOT_LEASED) {
                        gone = e;
                        return;
                    }
                    // the daemon did not answer this time: the next beat tries again, within the expiry
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lease's id: commands, snapshots and runs on it name it. */
    public String id() {
        check();
        return id;
    }

    /** The devices the lease holds (as of the last reply). */
    public List<LeaseReply.Device> devices() {
        check();
        return latest.devices();
    }

    /** Adds the devices of {@code more} to this lease (its {@code lease} field is set to this one). */
    public Lease add(LeaseRequest more) {
        check();
        latest = client.acquire(new LeaseRequest(more.owner(), more.clientPid(), more.specs(), more.platform(), more.count(),
                more.waitMs(), id));
        return this;
    }

    /** Gives these devices back (an empty list: all, and the lease ends). */
    public void release(List<String> devices) {
        check();
        latest = client.release(id, devices);
        if (devices.isEmpty() || latest.devices().isEmpty()) stop();
    }

    /** Whether the daemon still keeps the lease, as far as this client knows. */
    public boolean alive() {
        return gone == null && closed.getCount() > 0;
    }

    private void check() {
        TandemException g = gone;
        if (g != null) {
            throw new TandemException(ErrorCode.DEVICE_NOT_LEASED, "the lease ended: " + g.getMessage());
        }
        if (closed.getCount() == 0) {
            throw new TandemException(ErrorCode.DEVICE_NOT_LEASED, "the lease was closed; open a new one");
        }
    }

    private void stop() {
        closed.countDown();
        heartbeat.interrupt();
    }

    /** Releases every device and stops the heartbeat; a lease the daemon already ended is just stopped. */
    @Override
    public void close() {
        if (closed.getCount() == 0) return;
        stop();
        if (gone != null) return;
        try {
            client.release(id, List.of());
        } catch (TandemException e) {
            if (e.code() != ErrorCode.DEVICE_NOT_LEASED) throw e;
        }
    }
}
