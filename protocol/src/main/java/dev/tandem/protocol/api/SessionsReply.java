package dev.tandem.protocol.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /v1/sessions}: the leases (who holds which device) and the runner processes. */
public record SessionsReply(List<Lease> leases, List<Runner> runners) {

    /**
     * @param owner the run id (or {@code snapshot}) holding the lease
     * @param devices device id by label; a shared lease's label is {@code observe}
     */
    public record Lease(String owner, long ownerPid, LeaseKind kind, Map<String, String> devices) {}

    /** Exclusive: a run's, one holder; shared: read-only looks (snapshots) beside any holder. */
    public enum LeaseKind {
        EXCLUSIVE, SHARED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param adopted taken over from an earlier daemon; @param idleMs since its last command */
    public record Runner(String device, long pid, int port, String bootId, String artifactKey, boolean adopted, boolean alive,
            long idleMs) {}
}
