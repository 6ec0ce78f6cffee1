package dev.tandem.sim;

import dev.tandem.device.Backend;
import dev.tandem.device.BackendProvider;
import dev.tandem.device.DeviceSpec;
import dev.tandem.device.PlatformRow;
import dev.tandem.protocol.Platform;
import java.util.List;
import java.util.Map;

/**
 * The {@code sim} platform: a simulated phone with the built-in apps plus any definitions named
 * by the spec's {@code apps} option; {@code profile} picks the latency profile
 * ({@code instant} by default, {@code realistic}, {@code slow-animations}).
 */
public final class SimBackendProvider implements BackendProvider {
    @Override
    public String platform() {
        return Platform.SIM.name();
    }

    /** No: the simulated phone lives in the runner process. */
    @Override
    public boolean deviceStateSurvivesRunnerRestart() {
        return false;
    }

    /** The sim runner: its apps and their YAML reader; trained on the login app; every tool. */
    @Override
    public PlatformRow row() {
        return PlatformRow.jvmRunner(Platform.SIM, List.of("tandem-sim-", "tandem-apps-", "snakeyaml-engine-"), List.of(),
                List.of(PlatformRow.cmd("ping", Map.of()),
                        PlatformRow.cmd("launchApp", Map.of("appId", "com.example.login", "clearState", true)),
                        PlatformRow.cmd("tapOn", Map.of("id", "email")),
                        PlatformRow.cmd("inputText", Map.of("text", "ada@example.com")),
                        PlatformRow.cmd("observe", Map.of()),
                        PlatformRow.cmd("screenshot", Map.of("name", "prepare")),
                        PlatformRow.cmd("pressButton", Map.of("button", dev.tandem.protocol.Button.BACK.wireName()))));
    }

    /** The latency profiles a sim source may start its devices with ({@code devices.yaml}'s {@code latency}). */
    @Override
    public List<String> profiles() {
        return LatencyProfile.ALL.stream().map(LatencyProfile::name).toList();
    }

    @Override
    public Backend open(DeviceSpec spec) {
        return new SimBackend(new SimDevice(SimConfig.from(spec)), spec.workDir());
    }
}
