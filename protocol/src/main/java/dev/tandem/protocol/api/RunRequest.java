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
 * @param lease a lease of the caller whose devices the run uses (each label's spec names one of them by id);
 *              the devices stay leased after the run; null: the run allocates its own
 * @param params the plan's parameter values given with {@code -e NAME=VALUE}: they win over the plan's
 *               {@code env:}; every one is a secret (masked in every output)
 * @param environment the caller's process environment, where a {@code ${NAME}} is looked up last (the
 *               daemon's own environment never is); a value the plan uses from it is masked too
 * @param screenshots null: {@link ScreenshotMode#DEFAULT}
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
        List<String> apps,
        String lease,
        Map<String, String> params,
        Map<String, String> environment,
        ScreenshotMode screenshots) {

    public static final long DEFAULT_WAIT_MS = 120_000;

    public RunRequest(String plan, Map<String, String> devices, String platform, AbortStrategy abortStrategy, Integer startStep,
            String output, Long waitMs, long clientPid, Integer runnerPort, List<String> apps) {
        this(plan, devices, platform, abortStrategy, startStep, output, waitMs, clientPid, runnerPort, apps, null);
    }

    public RunRequest(String plan, Map<String, String> devices, String platform, AbortStrategy abortStrategy, Integer startStep,
            String output, Long waitMs, long clientPid, Integer runnerPort, List<String> apps, String lease) {
        this(plan, devices, platform, abortStrategy, startStep, output, waitMs, clientPid, runnerPort, apps, lease, null, null, null);
    }

    /** This request with the plan's parameters: {@code -e} values and the caller's environment. */
    public RunRequest withParams(Map<String, String> params, Map<String, String> environment) {
        return new RunRequest(plan, devices, platform, abortStrategy, startStep, output, waitMs, clientPid, runnerPort, apps, lease,
                params, environment, screenshots);
    }

    public RunRequest {
        devices = devices == null ? Map.of() : Map.copyOf(devices);
        apps = apps == null ? List.of() : List.copyOf(apps);
        params = params == null ? Map.of() : Map.copyOf(params);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** Names only: parameter values and the environment are secrets and must never reach a log line. */
    @Override
    public String toString() {
        return "RunRequest[plan=" + plan + ", devices=" + devices + ", params=" + params.keySet() + ", environment=" + environment.size() + " variables]";
    }
}
