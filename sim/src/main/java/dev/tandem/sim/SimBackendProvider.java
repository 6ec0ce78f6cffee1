package dev.tandem.sim;

import dev.tandem.device.Backend;
import dev.tandem.device.BackendProvider;
import dev.tandem.device.DeviceSpec;

/**
 * The {@code sim} platform: a simulated phone with the built-in apps plus any definitions named
 * by the spec's {@code apps} option; {@code profile} picks the latency profile
 * ({@code instant} by default, {@code realistic}, {@code slow-animations}).
 */
public final class SimBackendProvider implements BackendProvider {
    @Override
    public String platform() {
        return "sim";
    }

    /** No: the simulated phone lives in the runner process. */
    @Override
    public boolean deviceStateSurvivesRunnerRestart() {
        return false;
    }

    @Override
    public Backend open(DeviceSpec spec) {
        return new SimBackend(new SimDevice(SimConfig.from(spec)), spec.workDir());
    }
}
