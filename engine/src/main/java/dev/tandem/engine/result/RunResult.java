package dev.tandem.engine.result;

import java.util.List;
import java.util.Map;

/**
 * A finished run: the results.json document (DESIGN §3).
 *
 * @param rootCause the first real failure (not a consequence of the abort), with its device label
 */
public record RunResult(
        String runId,
        String plan,
        RunStatus status,
        long durationMs,
        Map<String, DeviceResult> devices,
        List<StepRecord> steps,
        RootCause rootCause) {

    public record RootCause(String device, Failure failure) {}
}
