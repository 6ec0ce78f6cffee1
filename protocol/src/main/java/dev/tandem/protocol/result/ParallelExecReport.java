package dev.tandem.protocol.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-device timing lines in the seed's exact shape (DESIGN §2), printed on failure or with
 * {@code --debug}:
 * {@code [PARALLEL_EXEC] A: SUCCESS - 5/5 steps (1234ms)},
 * {@code [PARALLEL_EXEC] B: Failed at plan step 7 (track step 2): <error>}.
 */
public final class ParallelExecReport {
    private ParallelExecReport() {}

    public static List<String> lines(RunResult result) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, DeviceResult> e : result.devices().entrySet()) {
            DeviceResult d = e.getValue();
            out.add("[PARALLEL_EXEC] " + e.getKey() + ": " + d.status().execWord() + " - " + d.steps().run() + "/"
                    + d.steps().total() + " steps (" + d.durationMs() + "ms)");
        }
        for (Map.Entry<String, DeviceResult> e : result.devices().entrySet()) {
            Failure f = e.getValue().failure();
            if (f == null) continue;
            String where = f.planStep() < 0 ? "start-up, before any step" : f.trackStep() >= 0 ? "plan step " + f.planStep() + " (track step " + f.trackStep() + ")"
                    : "plan step " + f.planStep() + " (" + f.tool() + ")";
            out.add("[PARALLEL_EXEC] " + e.getKey() + ": Failed at " + where + ": " + f.code() + ": " + f.message());
        }
        return out;
    }
}
