package dev.tandem.protocol.api;

import java.util.List;

/**
 * {@code POST /v1/leases/release}: gives devices of a lease back (all of them when {@code devices}
 * is empty, and then the lease ends). Answered with the lease's {@link LeaseReply} after release.
 */
public record ReleaseRequest(String lease, List<String> devices) {
    public ReleaseRequest {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
