package dev.tandem.protocol.state;

import java.util.List;

/** {@code daemon.json}: how CLIs find and authenticate to the daemon. Mode 0600. */
public record DaemonInfo(long pid, int port, String token, String version, long startedAt, String home) implements StateRecord {
    @Override
    public List<String> problems() {
        return Problems.of().positive("pid", pid).port("port", port).text("token", token).text("version", version).list();
    }
}
