package dev.tandem.protocol.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The environment variables a daemon reads once, when it starts. A running daemon reports the
 * values it started with, so a CLI whose shell has other values can say which differ and how to
 * get them applied, instead of the daemon ignoring them silently.
 */
public final class DaemonSettings {
    /** Every variable the daemon (and the runners it starts) read at start-up. */
    public static final List<String> KEYS = List.of(
            "TANDEM_SIM_LATENCY", "TANDEM_SIM_DEVICES", "TANDEM_WEB_DEVICES", "TANDEM_CHROMIUM", "TANDEM_CACHE_DIR",
            "TANDEM_DEVICE_LOCK_DIR", "TANDEM_DAEMON_IDLE_MS", "TANDEM_RUNNER_TTL_MS", "TANDEM_RUNNER_ORPHAN_TTL_MS",
            "TANDEM_RUNNER_PREWARM", "TANDEM_DEVICES_FILE");

    private DaemonSettings() {}

    /** The settings present in an environment, by name. */
    public static Map<String, String> of(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        for (String k : KEYS) if (env.get(k) != null) out.put(k, env.get(k));
        return out;
    }

    /**
     * One phrase per setting whose value differs between the daemon and a shell, e.g.
     * {@code TANDEM_SIM_LATENCY=realistic (this shell: instant)}; empty when they agree.
     */
    public static List<String> differences(Map<String, String> daemon, Map<String, String> shell) {
        List<String> out = new ArrayList<>();
        for (String k : KEYS) {
            String d = daemon.get(k);
            String s = shell.get(k);
            if (Objects.equals(d, s)) continue;
            out.add(k + "=" + (d == null ? "(unset)" : d) + " (this shell: " + (s == null ? "unset" : s) + ")");
        }
        return out;
    }
}
