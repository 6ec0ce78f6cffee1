package dev.tandem.daemon.state;

/** {@code daemon.json}: how CLIs find and authenticate to the daemon. Mode 0600. */
public record DaemonInfo(long pid, int port, String token, String version, long startedAt, String home) {}
