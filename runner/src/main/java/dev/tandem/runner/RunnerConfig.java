package dev.tandem.runner;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How the daemon started this runner. Arguments are {@code --key value} pairs; the bearer token
 * comes from the environment ({@code TANDEM_RUNNER_TOKEN}) so it never shows in a process list.
 *
 * @param port 0 for an OS-assigned port, or an explicit one (validated: taken means exit 3)
 * @param daemonPid the supervising daemon; when it is gone and nobody adopts this runner within
 *     {@code orphanTtlMs}, the runner exits (no orphans)
 * @param options backend options passed through ({@code --opt key=value})
 */
record RunnerConfig(
        String device,
        String platform,
        String profile,
        Path home,
        int port,
        String token,
        String artifactKey,
        Durability durability,
        long daemonPid,
        long orphanTtlMs,
        Map<String, String> options) {

    static RunnerConfig parse(String[] args, Map<String, String> env) {
        Map<String, String> a = new HashMap<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --key value, got " + args[i]);
            String key = args[i].substring(2);
            if (key.equals("opt")) {
                String[] kv = args[i + 1].split("=", 2);
                options.put(kv[0], kv.length > 1 ? kv[1] : "");
            } else {
                a.put(key, args[i + 1]);
            }
        }
        String token = env.get("TANDEM_RUNNER_TOKEN");
        if (token == null || token.isBlank()) throw new IllegalArgumentException("TANDEM_RUNNER_TOKEN is not set");
        String device = require(a, "device");
        return new RunnerConfig(
                device,
                a.getOrDefault("platform", "sim"),
                a.get("profile"),
                Path.of(require(a, "home")),
                Integer.parseInt(a.getOrDefault("port", "0")),
                token,
                a.getOrDefault("artifact-key", "dev"),
                Durability.parse(a.getOrDefault("durability", "write")),
                Long.parseLong(a.getOrDefault("daemon-pid", "0")),
                Long.parseLong(a.getOrDefault("orphan-ttl-ms", "60000")),
                Map.copyOf(options));
    }

    private static String require(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) throw new IllegalArgumentException("missing --" + key);
        return v;
    }

    Path journalDir() {
        return home.resolve("journal").resolve(device);
    }

    Path workDir() {
        return home.resolve("devices").resolve(device);
    }

    Path artifactsDir() {
        return home.resolve("artifacts").resolve(device);
    }
}
