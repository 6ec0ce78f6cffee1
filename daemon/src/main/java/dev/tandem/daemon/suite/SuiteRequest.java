package dev.tandem.daemon.suite;

import java.util.List;

/**
 * {@code POST /v1/suites}: {@code tandem test PATH…}.
 *
 * @param paths plan files or directories (searched for *.yaml / *.yml), absolute
 * @param cwd the CLI's working directory: plans are named relative to it, so the CI partition
 *     (which sorts those names) is the same on every machine whatever the checkout's location
 * @param shards devices to spread over (default 1)
 * @param mode split (balance plans over shards) or all (every plan on every shard)
 * @param shardIndex with shardTotal: run only this CI node's share (0-based)
 * @param device the spec single-device plans run on (sim, web, web:PROFILE); null: the platform's default
 * @param apps absolute paths of app definition files installed on every plan's devices ({@code --app FILE})
 */
public record SuiteRequest(
        List<String> paths,
        String cwd,
        Integer shards,
        String mode,
        Integer shardIndex,
        Integer shardTotal,
        String device,
        String platform,
        String output,
        Long waitMs,
        long clientPid,
        List<String> apps) {

    public SuiteRequest {
        apps = apps == null ? List.of() : List.copyOf(apps);
    }
}
