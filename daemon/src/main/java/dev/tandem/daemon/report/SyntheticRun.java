package dev.tandem.daemon.report;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.protocol.result.SyncRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A made-up run of any size, shaped like a real one (steps on every device, a critical section
 * between the first two devices and a barrier of all every 20 steps, optionally a failure on the
 * last device's last step): for the report benchmark and the size tests, where a real run of 16
 * devices × 200 steps would cost minutes.
 */
public final class SyntheticRun {
    private static final String[] TOOLS = {"tapOn", "inputText", "assertVisible", "swipe", "pressButton"};

    private SyntheticRun() {}

    public static RunResult of(int devices, int stepsPerDevice, boolean fail) {
        Map<String, DeviceResult> results = new LinkedHashMap<>();
        List<StepRecord> steps = new ArrayList<>();
        List<SyncRecord> syncs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int d = 0; d < devices; d++) labels.add("D" + (d + 1));
        long end = 0;
        for (int d = 0; d < devices; d++) {
            String label = labels.get(d);
            long t = 0;
            for (int i = 0; i < stepsPerDevice; i++) {
                int plan = i * devices + d;
                if (i > 0 && i % 20 == 0) {
                    // a barrier of all: everyone meets at the same moment, the last to come waits least
                    long meet = (long) i * 120 + 40;
                    syncs.add(new SyncRecord(i * devices - 1, "barrier", "checkpoint " + i / 20, labels, label, t, meet, meet));
                    t = meet;
                }
                if (i == 10 && devices > 1 && d < 2) {
                    long at = Math.max(t, 10L * 120 + 30);
                    syncs.add(new SyncRecord(10 * devices - 1, "criticalSection", "chat-room", labels.subList(0, 2), label, t, at, at + 400));
                }
                long dur = 40 + (plan * 37L) % 70;
                boolean last = fail && d == devices - 1 && i == stepsPerDevice - 1;
                String tool = TOOLS[(plan + i) % TOOLS.length];
                StepStatus status = last ? StepStatus.FAILED : StepStatus.PASSED;
                ErrorInfo error = last ? new ErrorInfo(ErrorCode.ELEMENT_NOT_FOUND, "No element matches {text: \"Done\"} on screen "
                        + "'main' after 5000 ms. Closest on screen: text \"Done!\", button \"Dono\".") : null;
                steps.add(new StepRecord(plan, i, label, tool, tool + " step " + i, status, t, dur, error, null, null));
                t += dur + 15;
            }
            end = Math.max(end, t);
            Failure f = fail && d == devices - 1 ? new Failure(steps.getLast().planStep(), stepsPerDevice - 1, steps.getLast().tool(),
                    ErrorCode.ELEMENT_NOT_FOUND, steps.getLast().error().message()) : null;
            results.put(label, new DeviceResult("sim-" + (d + 1), "sim", "instant", f == null ? DeviceStatus.PASSED : DeviceStatus.FAILED,
                    new DeviceResult.Steps(stepsPerDevice, stepsPerDevice), t, f));
        }
        steps.sort(java.util.Comparator.comparingLong(StepRecord::startMs));
        Failure root = fail ? results.get(labels.getLast()).failure() : null;
        return new RunResult("synthetic-" + devices + "x" + stepsPerDevice, devices + " devices × " + stepsPerDevice + " steps",
                fail ? RunStatus.FAILED : RunStatus.PASSED, end, results, steps,
                root == null ? null : new RunResult.RootCause(labels.getLast(), root), 1_780_000_000_000L, null, syncs);
    }
}
