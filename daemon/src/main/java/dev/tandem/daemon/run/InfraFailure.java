package dev.tandem.daemon.run;

import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.plan.Plan;
import dev.tandem.plan.Step;
import dev.tandem.plan.ToolStep;
import dev.tandem.plan.CriticalSection;
import dev.tandem.protocol.TandemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of a run that could not start its devices (or was cut by a daemon crash): status error. */
public final class InfraFailure {
    private InfraFailure() {}

    public static RunResult result(String runId, Plan plan, Map<String, String> deviceIds, TandemException cause, int startStep) {
        Map<String, DeviceResult> devices = new LinkedHashMap<>();
        Failure failure = new Failure(-1, -1, null, cause.code(), cause.getMessage());
        String first = null;
        for (String label : plan.labels()) {
            if (first == null) first = label;
            devices.put(label, new DeviceResult(deviceIds.getOrDefault(label, "?"), DeviceStatus.ABORTED,
                    new DeviceResult.Steps(0, stepsOf(plan, label, startStep)), 0, failure));
        }
        return new RunResult(runId, plan.name(), RunStatus.ERROR, 0, devices, List.of(), new RunResult.RootCause(first, failure));
    }

    private static int stepsOf(Plan plan, String label, int startStep) {
        int n = 0;
        for (Step s : plan.steps()) {
            if (s.planIndex() < startStep) continue;
            for (ToolStep t : s.toolSteps()) if (!plan.multiDevice() || label.equals(t.device())) n++;
        }
        return n;
    }
}
