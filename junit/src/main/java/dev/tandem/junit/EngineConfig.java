package dev.tandem.junit;

import dev.tandem.client.DeviceSpecs;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.RunRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration parameters (docs/junit.md), read once per execution; a wrong value is
 * a TandemException with code USAGE naming the parameter, raised when the plans run.
 *
 * @param devices label to device spec ({@code tandem.devices=A=sim,B=web}); empty: the daemon's defaults
 * @param platform the default platform ({@code tandem.platform}); null: sim
 * @param output where run directories go ({@code tandem.output}, default {@code target/tandem}), absolute
 * @param params plan parameters ({@code tandem.env.NAME=VALUE})
 * @param retries reruns of a failed plan ({@code tandem.retries}, default 0)
 * @param waitMs how long a plan waits for busy devices ({@code tandem.waitTimeout} seconds, default 120)
 * @param apps app definition files for the sim devices ({@code tandem.apps}, comma-separated), absolute
 * @param daemonEnv the environment the daemon is found in and started with: this process's, with
 *     {@code tandem.daemon.env.NAME=VALUE} over it (an isolated TANDEM_HOME for a build's own tests)
 */
record EngineConfig(Map<String, String> devices, String platform, Path output, Map<String, String> params, int retries,
        long waitMs, List<String> apps, Map<String, String> daemonEnv) {

    static final String PARALLEL = "tandem.parallel.enabled";
    static final String PARALLEL_CONFIG_PREFIX = "tandem.parallel.config.";
    private static final String ENV_PREFIX = "tandem.env.";
    private static final String DAEMON_ENV_PREFIX = "tandem.daemon.env.";
    private static final DeviceSpecs SPECS = new DeviceSpecs("tandem.devices", "=",
            p -> Platform.isName(p) && Platform.WELL_KNOWN.contains(Platform.of(p)));

    static EngineConfig from(ConfigurationParameters c, Map<String, String> processEnv) {
        Map<String, String> devices = c.get("tandem.devices").map(v -> SPECS.parse(list(v))).orElse(Map.of());
        Path output = Path.of(c.get("tandem.output").orElse("target/tandem")).toAbsolutePath().normalize();
        int retries = number(c, "tandem.retries", 0);
        long waitMs = number(c, "tandem.waitTimeout", (int) (RunRequest.DEFAULT_WAIT_MS / 1000)) * 1000L;
        List<String> apps = c.get("tandem.apps").map(v -> list(v).stream().map(a -> Path.of(a).toAbsolutePath().toString()).toList())
                .orElse(List.of());
        Map<String, String> params = params(c);
        Map<String, String> env = new HashMap<>(processEnv);
        for (String key : c.keySet()) {
            if (key.startsWith(DAEMON_ENV_PREFIX)) env.put(key.substring(DAEMON_ENV_PREFIX.length()), c.get(key).orElse(""));
        }
        return new EngineConfig(devices, c.get("tandem.platform").orElse(null), output, params, retries, waitMs, apps, Map.copyOf(env));
    }

    /** The plan parameters, {@code tandem.env.NAME=VALUE}: as the CLI's {@code -e NAME=VALUE} (discovery loads plans with them too). */
    static Map<String, String> params(ConfigurationParameters c) {
        Map<String, String> params = new TreeMap<>();
        for (String key : c.keySet()) {
            if (key.startsWith(ENV_PREFIX)) params.put(key.substring(ENV_PREFIX.length()), c.get(key).orElse(""));
        }
        return params;
    }

    /**
     * The device specs for one plan: those of its own labels. One setting serves a whole suite, so a
     * label only some plans have (B of the two-device plans, the bare SPEC of single-device ones)
     * does not make the others refused.
     */
    Map<String, String> devicesFor(List<String> labels) {
        Map<String, String> mine = new java.util.LinkedHashMap<>(devices);
        mine.keySet().retainAll(labels);
        return mine;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int number(ConfigurationParameters c, String key, int fallback) {
        String v = c.get(key).orElse(null);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new TandemException(ErrorCode.USAGE, key + " takes a whole number of 0 or more, not '" + v + "'; fix it in "
                + "junit-platform.properties or the build's configuration parameters");
    }
}
