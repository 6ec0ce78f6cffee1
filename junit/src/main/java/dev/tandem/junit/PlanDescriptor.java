package dev.tandem.junit;

import dev.tandem.plan.Plan;
import dev.tandem.protocol.api.RunEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * A valid plan: a container whose children are its device tracks. Executing it runs the plan once
 * (all devices together, as they must); its tracks then report their own outcome. Step ends are
 * published on it as they happen, so a long run shows progress.
 */
final class PlanDescriptor extends TandemDescriptor {
    private final Path file;
    private final List<String> labels;
    private final java.util.Set<org.junit.platform.engine.TestTag> tags;

    PlanDescriptor(UniqueId id, String name, Path file, Plan plan) {
        super(id, name, source(file, 1, 1), Type.CONTAINER);
        this.file = file;
        this.labels = plan.labels();
        // the plan's tags: JUnit's own tag filters (--include-tags, Surefire's groups) choose plans by them
        this.tags = plan.tags().stream().filter(org.junit.platform.engine.TestTag::isValid).map(org.junit.platform.engine.TestTag::create)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        for (TrackDescriptor.Track t : TrackDescriptor.tracks(plan)) {
            addChild(new TrackDescriptor(PlanIds.track(id, t.label()), t, file, plan));
        }
    }

    @Override
    public java.util.Set<org.junit.platform.engine.TestTag> getTags() {
        return tags;
    }

    static TestSource source(Path file, int line, int column) {
        return FileSource.from(file.toFile(), FilePosition.from(Math.max(1, line), Math.max(1, column)));
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT; // only with tandem.parallel.enabled; the daemon's allocator bounds it by free devices
    }

    @Override
    public TandemContext execute(TandemContext context, DynamicTestExecutor dynamic) {
        EngineConfig config = context.configOrThrow();
        PlanRun run = PlanRunner.run(config, file, labels, e -> progress(context, e));
        for (var f : run.failedAttempts()) {
            context.publish(this, "tandem.retry", "attempt failed (" + f.result().status().wire() + "), rerun; see " + f.dir());
        }
        if (run.flaky()) {
            context.publish(this, "tandem.flaky", "passed on attempt " + (run.failedAttempts().size() + 1) + " after "
                    + run.failedAttempts().size() + " failed: " + run.failedAttempts().getFirst().dir());
        }
        context.publish(this, "tandem.run", run.last().dir());
        return context.withRun(run);
    }

    private void progress(TandemContext context, RunEvent e) {
        switch (e) {
            case RunEvent.Allocated a -> context.publish(this, "tandem.devices", a.devices().toString());
            case RunEvent.Step s -> {
                if (s.phase() == RunEvent.Phase.END) context.publish(this, "tandem.step", Steps.line(s.record()));
            }
            case RunEvent.Queued q -> context.publish(this, "tandem.queued", q.message());
            // the rest reaches the tests through the run's result
            case RunEvent.Runner r -> { }
            case RunEvent.Waiting w -> { }
            case RunEvent.Section s -> { }
            case RunEvent.Device d -> { }
            case RunEvent.Result r -> { }
            case RunEvent.Error err -> { }
            case RunEvent.Validation v -> { }
            case RunEvent.Heartbeat h -> { }
            case RunEvent.Exit x -> { }
            case RunEvent.Suite s -> { }
            case RunEvent.Plan p -> { }
            case RunEvent.SuiteResult r -> { }
        }
    }
}
