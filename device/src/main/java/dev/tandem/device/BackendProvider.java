package dev.tandem.device;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A platform's entry point, found by the runner through {@link ServiceLoader}
 * ({@code META-INF/services/dev.tandem.device.BackendProvider}), so the runner has no compile-time
 * dependency on any backend.
 */
public interface BackendProvider {

    /** The platform name used in device specs: {@code sim}, {@code web}. */
    String platform();

    /**
     * Whether the device's state (open app, typed text, screens) survives a restart of the runner
     * process that drives it. No for {@code sim} and {@code web}: the phone or the browser lives in
     * the runner, so a new runner means a blank device; yes for a real phone driven through Appium.
     * Where it does not survive, the daemon fails a run whose device's runner restarted with
     * {@code DEVICE_RESET} instead of going on against the blank device (docs/runner-protocol.md §5).
     */
    boolean deviceStateSurvivesRunnerRestart();

    /** Opens the device. Throws {@link dev.tandem.protocol.TandemException} with an actionable code when it cannot. */
    Backend open(DeviceSpec spec);

    /**
     * Checks the external tools this platform needs and returns their identity (for example
     * {@code chromium.version}), which becomes part of the prepared artifact's cache key. Backends
     * that need nothing have nothing to do.
     */
    default Map<String, String> prepare() {
        return Map.of();
    }

    /**
     * The profile names a device spec of this platform may give ({@code web:PROFILE}), so a wrong
     * one is refused before any device starts. Empty: the platform takes none, or any.
     */
    default java.util.List<String> profiles() {
        return java.util.List.of();
    }

    /**
     * What the daemon needs to run this platform's devices: runner jars, JVM options, training
     * commands, external tools, and the tools its devices support. The default is a JVM runner with
     * the core jars only and every tool; a backend overrides it to add its jars and name what it
     * cannot do.
     */
    default PlatformRow row() {
        return PlatformRow.jvmRunner(dev.tandem.protocol.Platform.of(platform()), java.util.List.of(), java.util.List.of(),
                java.util.List.of(PlatformRow.cmd("ping", Map.of())));
    }

    static Optional<BackendProvider> find(String platform) {
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p.platform().equals(platform)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Every backend on the classpath, in ServiceLoader order (one registration each). */
    static java.util.List<BackendProvider> all() {
        java.util.List<BackendProvider> out = new java.util.ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(out::add);
        return java.util.List.copyOf(out);
    }
}
