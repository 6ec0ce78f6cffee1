package dev.tandem.daemon.prepare;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.device.BackendProvider;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity of the external tools a platform needs (for web, Chromium's path and version), as
 * its backend's {@code BackendProvider.prepare()} reports it, asked in this process and memoized:
 * a probe may spawn a subprocess, so it runs once per process and platform. Failures are not
 * memoized, so installing the tool and retrying works without a restart.
 *
 * <p>The daemon compiles against the SPI only; the providers themselves are found on the
 * distribution's classpath at run time.
 */
public final class ToolProbes {
    private static final Map<String, Map<String, String>> MEMO = new ConcurrentHashMap<>();

    private ToolProbes() {}

    /** Identity entries (e.g. {@code chromium.version}); throws the provider's own error (e.g. CHROMIUM_MISSING). */
    public static Map<String, String> of(String platform) {
        Map<String, String> known = MEMO.get(platform);
        if (known != null) return known;
        synchronized (ToolProbes.class) {
            return MEMO.computeIfAbsent(platform, ToolProbes::probe);
        }
    }

    private static Map<String, String> probe(String platform) {
        BackendProvider provider = BackendProvider.find(platform).orElseThrow(() -> missing(platform, "no provider for it"));
        Map<String, String> identity = new TreeMap<>(provider.prepare());
        return Map.copyOf(identity);
    }

    private static TandemException missing(String platform, String why) {
        return new TandemException(ErrorCode.PREPARE_FAILED, "the " + platform + " backend is not on this process's classpath ("
                + why + "): run Tandem from its distribution (./tandem, or cli/target/lib after `mvn -pl cli -am package`)");
    }
}
