package dev.tandem.daemon.run;

import java.util.Map;

/**
 * {@code POST /v1/runs}: what the CLI asks for.
 *
 * @param plan absolute path of the plan file
 * @param devices {@code --device LABEL=SPEC} values (label {@code default} for a single-device plan)
 * @param platform the default platform for labels without a spec (default sim)
 * @param abortStrategy null: the plan's, else immediate
 * @param startStep null: the plan's, else 0
 * @param output absolute output directory; the run writes {@code OUTPUT/<run-id>/}
 * @param waitMs how long to wait for busy devices (0: fail at once with DEVICE_UNAVAILABLE)
 * @param clientPid the CLI's pid: the run is aborted if it goes away
 * @param runnerPort an explicit port for the (single) device's runner; null: the OS picks one
 * @param apps absolute paths of app definition files installed on the run's devices ({@code --app FILE})
 */
public record RunRequest(
        String plan,
        Map<String, String> devices,
        String platform,
        String abortStrategy,
        Integer startStep,
        String output,
        Long waitMs,
        long clientPid,
        Integer runnerPort,
        java.util.List<String> apps) {

    public static final long DEFAULT_WAIT_MS = 120_000;

    public RunRequest {
        devices = devices == null ? Map.of() : Map.copyOf(devices);
        apps = apps == null ? java.util.List.of() : java.util.List.copyOf(apps);
    }
}
