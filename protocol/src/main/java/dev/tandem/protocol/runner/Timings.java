package dev.tandem.protocol.runner;

/** When a command reached each state on the runner, in epoch milliseconds (null: not reached). */
public record Timings(Long acceptedAt, Long startedAt, Long endedAt) {
    public static final Timings NONE = new Timings(null, null, null);
}
