package dev.tandem.protocol.result;

import java.util.List;
import java.util.Map;

/**
 * A finished run: the results.json document (DESIGN §3).
 *
 * @param rootCause the first real failure (not a consequence of the abort), with its device label
 * @param startedAtMs wall-clock start of the run (epoch ms): junit.xml's per-suite timestamp
 * @param tags the plan's {@code tags:}; null when it has none (left out of results.json)
 * @param syncs each device's passage through each sync point, for the report's timeline; null when none
 */
public record RunResult(
        String runId,
        String plan,
        RunStatus status,
        long durationMs,
        Map<String, DeviceResult> devices,
        List<StepRecord> steps,
        RootCause rootCause,
        long startedAtMs,
        List<String> tags,
        List<SyncRecord> syncs) {

    public RunResult {
        tags = tags == null || tags.isEmpty() ? null : List.copyOf(tags);
        syncs = syncs == null || syncs.isEmpty() ? null : List.copyOf(syncs);
    }

    public RunResult(String runId, String plan, RunStatus status, long durationMs, Map<String, DeviceResult> devices,
            List<StepRecord> steps, RootCause rootCause, long startedAtMs) {
        this(runId, plan, status, durationMs, devices, steps, rootCause, startedAtMs, null, null);
    }

    /** This result with the plan's tags. */
    public RunResult withTags(List<String> planTags) {
        return new RunResult(runId, plan, status, durationMs, devices, steps, rootCause, startedAtMs, planTags, syncs);
    }

    /** A result made as the run ends: it started {@code durationMs} ago. */
    public RunResult(String runId, String plan, RunStatus status, long durationMs, Map<String, DeviceResult> devices,
            List<StepRecord> steps, RootCause rootCause) {
        this(runId, plan, status, durationMs, devices, steps, rootCause, System.currentTimeMillis() - durationMs);
    }

    public record RootCause(String device, Failure failure) {}
}
