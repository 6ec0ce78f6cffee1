package dev.tandem.it.agent;

import dev.tandem.client.Lease;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.api.LeaseRequest;
import dev.tandem.protocol.state.StateDir;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A client process that holds a lease until it is killed: it leases one sim of the daemon of the
 * state dir in {@code args[0]}, prints {@code LEASED <device>}, and parks for ever.
 */
public final class LeaseHolderMain {
    private LeaseHolderMain() {}

    public static void main(String[] args) {
        TandemClient client = TandemClient.find(new StateDir(Path.of(args[0]))).orElseThrow();
        Lease lease = Lease.open(client, new LeaseRequest("it holder", ProcessHandle.current().pid(), List.of("sim"), null, null,
                30_000L, null));
        System.out.println("LEASED " + lease.devices().getFirst().id());
        System.out.flush();
        while (true) LockSupport.park(); // held until the test kills this process
    }
}
