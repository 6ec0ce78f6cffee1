package dev.tandem.protocol.api;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/suites}: many plans, sharded.
 *
 * @param paths plan files or directories (searched for *.yaml / *.yml), absolute
 * @param cwd the caller's working directory: plans are named relative to it, so the CI partition
 *     (which sorts those names) is the same on every machine whatever the checkout's location
 * @param shards plans run at once (null: 1)
 * @param mode null: split
 * @param shardIndex with shardTotal: run only this CI node's share (0-based)
 * @param device the spec single-device plans run on (sim, web, web:PROFILE); null: the platform's default
 * @param platform the default platform (null: sim)
 * @param output absolute output directory; the suite writes {@code OUTPUT/<suite-id>/}
 * @param waitMs how long each plan waits for busy devices (null: {@link RunRequest#DEFAULT_WAIT_MS})
 * @param clientPid the caller's pid: the suite is aborted if it goes away
 * @param apps absolute paths of app definition files installed on every plan's devices
 * @param tags which plans run by their {@code tags:} ({@code smoke,!slow}); null: every plan
 * @param params {@code -e} values for every plan's parameters (see {@link RunRequest#params})
 * @param environment the caller's process environment (see {@link RunRequest#environment})
 * @param screenshots null: {@link ScreenshotMode#DEFAULT}
 * @param retries reruns of a failed plan (null: the plan's {@code retries}, else 0)
 * @param failOnFlaky a plan that passed only on a rerun fails the suite (exit 1); false: it counts as passed
 */
public record SuiteRequest(
        List<String> paths,
        String cwd,
        Integer shards,
        ShardMode mode,
        Integer shardIndex,
        Integer shardTotal,
        String device,
        String platform,
        String output,
        Long waitMs,
        long clientPid,
        List<String> apps,
        String tags,
        Map<String, String> params,
        Map<String, String> environment,
        ScreenshotMode screenshots,
        Integer retries,
        boolean failOnFlaky) {

    public SuiteRequest {
        apps = apps == null ? List.of() : List.copyOf(apps);
        params = params == null ? Map.of() : Map.copyOf(params);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** Names only: parameter values and the environment are secrets and must never reach a log line. */
    @Override
    public String toString() {
        return "SuiteRequest[paths=" + paths + ", tags=" + tags + ", params=" + params.keySet() + ", environment=" + environment.size() + " variables]";
    }

    public SuiteRequest(List<String> paths, String cwd, Integer shards, ShardMode mode, Integer shardIndex, Integer shardTotal,
            String device, String platform, String output, Long waitMs, long clientPid, List<String> apps) {
        this(paths, cwd, shards, mode, shardIndex, shardTotal, device, platform, output, waitMs, clientPid, apps, null, null, null,
                null, null, false);
    }
}
