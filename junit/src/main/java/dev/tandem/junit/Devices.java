package dev.tandem.junit;

import dev.tandem.client.Lease;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The devices a {@link TandemTest} holds, by label; each is leased for this test only. */
public final class Devices implements AutoCloseable {
    private final TandemClient client;
    private final Lease lease;
    private final Map<String, TandemDevice> byLabel = new LinkedHashMap<>();

    Devices(TandemClient client, Lease lease, List<String> labels) {
        this.client = client;
        this.lease = lease;
        for (int i = 0; i < labels.size(); i++) {
            byLabel.put(labels.get(i), new TandemDevice(client, lease, labels.get(i), lease.devices().get(i).id()));
        }
    }

    /** The device of {@code label}; an unknown label is USAGE naming the ones there are. */
    public TandemDevice get(String label) {
        TandemDevice d = byLabel.get(label);
        if (d == null) {
            throw new TandemException(ErrorCode.USAGE, "this test holds no device " + label + "; its devices are " + byLabel.keySet()
                    + " (set them with @TandemTest(devices = {\"" + label + "=sim\"}))");
        }
        return d;
    }

    public List<String> labels() {
        return List.copyOf(byLabel.keySet());
    }

    /** The lease's id, for a run on these devices ({@code RunRequest.lease}). */
    public String leaseId() {
        return lease.id();
    }

    @Override
    public void close() {
        try {
            lease.close();
        } finally {
            client.close();
        }
    }
}
