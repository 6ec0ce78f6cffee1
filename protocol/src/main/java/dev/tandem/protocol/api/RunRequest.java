package dev.tandem.protocol.api;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/runs}: run one plan.
 *
 * @param plan absolute path of the plan file
 * @param devices device spec per label ({@code --device LABEL=SPEC}; label {@code default} for a single-device plan)
 * @param platform the default platform for labels without a spec (null: sim)
 * @param abortStrategy null: the plan's, else immediate
 * @param startStep null: the plan's, else 0
 * @param output absolute output directory; the run writes {@code OUTPUT/<run-id>/}
 * @param waitMs how long to wait for busy devices (0: fail at once with DEVICE_UNAVAILABLE; null: {@link #DEFAULT_WAIT_MS})
 * @param clientPid the caller's pid: the run is aborted if it goes away
 * @param runnerPort an explicit port for the (single) device's runner; null: the OS picks one
 * @param apps absolute paths of app definition files installed on the run's devices for this run
 */
public record RunRequest(
        String plan,
        Map<String, String> devices,
        String platform,
        AbortStrategy abortStrategy,
        Integer startStep,
        String output,
        Long waitMs,
        long clientPid,
        Integer runnerPort,
        List<String> apps) {

    public static final long DEFAULT_WAIT_MS = 120_000;

    public RunRequest {
        devices = devices == null ? Map.of() : Map.copyOf(devices);
        apps = apps == null ? List.of() : List.copyOf(apps);
    }
}
