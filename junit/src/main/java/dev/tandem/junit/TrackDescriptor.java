package dev.tandem.junit;

import dev.tandem.plan.DeviceDecl;
import dev.tandem.plan.Plan;
import dev.tandem.plan.SourcePos;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.engine.UniqueId;

/**
 * One device's track of a plan: a test that passes, fails or is aborted as that device did. Its
 * steps become reported entries (an optional step that failed is one too, never a failure).
 */
final class TrackDescriptor extends TandemDescriptor {
    /** A track of the plan: its label, and where it is declared (null: a single-device plan's one track, at line 1). */
    record Track(String label, SourcePos pos) {}

    private final String label;
    private final Plan plan;

    TrackDescriptor(UniqueId id, Track track, Path file, Plan plan) {
        super(id, track.label(), PlanDescriptor.source(file, track.pos() == null ? 1 : track.pos().line(),
                track.pos() == null ? 1 : track.pos().column()), Type.TEST);
        this.label = track.label();
        this.plan = plan;
    }

    static List<Track> tracks(Plan plan) {
        if (!plan.multiDevice()) return List.of(new Track(Plan.SINGLE_DEVICE_LABEL, null));
        return plan.devices().stream().map((DeviceDecl d) -> new Track(d.label(), d.pos())).toList();
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD; // it only reads its plan's finished run: in order, on the plan's thread
    }

    @Override
    public TandemContext execute(TandemContext context, DynamicTestExecutor dynamic) {
        RunResult result = context.run().last().result();
        String dir = context.run().last().dir();
        for (StepRecord s : result.steps()) {
            if (!label.equals(s.device())) continue;
            context.publish(this, s.status() == StepStatus.WARNED ? "tandem.warned" : "tandem.step", Steps.line(s));
            if (s.screenshot() != null) context.publish(this, "tandem.screenshot", s.screenshot());
        }
        if (context.run().flaky()) context.publish(this, "tandem.flaky", "the plan passed after a failed attempt: "
                + context.run().failedAttempts().getFirst().dir());
        DeviceResult d = result.devices().get(label);
        if (d == null) throw Failures.aborted(label, result, dir);
        switch (d.status()) {
            case PASSED -> { }
            case FAILED -> Failures.throwFailed(label, d, plan, dir);
            case ABORTED -> throw Failures.aborted(label, result, dir);
        }
        return context;
    }
}
