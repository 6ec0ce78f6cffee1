package dev.tandem.daemon.agent;

/**
 * One client's lease: its secret id (every call names it), its public number and the name the
 * allocator and {@code tandem sessions} know it by, and when its client last showed life.
 */
public final class AgentLease {
    private final String id;
    private final long seq;
    private final String owner;
    private final long clientPid;
    private final String allocKey;
    private volatile long lastBeatNanos;

    AgentLease(String id, long seq, String owner, long clientPid, String allocKey, long nowNanos) {
        this.id = id;
        this.seq = seq;
        this.owner = owner;
        this.clientPid = clientPid;
        this.allocKey = allocKey;
        this.lastBeatNanos = nowNanos;
    }

    public String id() {
        return id;
    }

    public long seq() {
        return seq;
    }

    public String owner() {
        return owner;
    }

    public long clientPid() {
        return clientPid;
    }

    /** {@code mcp claude-code (lease 3)}: the allocator's owner name, shown by `tandem sessions` and `tandem devices`. */
    public String allocKey() {
        return allocKey;
    }

    /** The scope refs are kept in and screenshots written under: public, unlike the id. */
    public String scope() {
        return "lease-" + seq;
    }

    void beat(long nowNanos) {
        lastBeatNanos = nowNanos;
    }

    long silentMs(long nowNanos) {
        return (nowNanos - lastBeatNanos) / 1_000_000;
    }
}
