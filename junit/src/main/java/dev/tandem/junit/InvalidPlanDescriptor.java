package dev.tandem.junit;

import dev.tandem.plan.LoadResult;
import java.nio.file.Path;
import org.junit.platform.engine.UniqueId;

/**
 * A plan file that does not load: one test that fails listing every diagnostic with its
 * {@code file:line:col}, at the first one's position, so the build reports it as any failed test
 * and the other plans still run.
 */
final class InvalidPlanDescriptor extends TandemDescriptor {
    private final Path file;
    private final LoadResult load;

    InvalidPlanDescriptor(UniqueId id, String name, Path file, LoadResult load) {
        // in the plan file itself: a problem inside a sub-flow points at the runFlow that includes it
        super(id, name, PlanDescriptor.source(file, load.errors().getFirst().pos().outermost().line(),
                load.errors().getFirst().pos().outermost().column()), Type.TEST);
        this.file = file;
        this.load = load;
    }

    @Override
    public TandemContext execute(TandemContext context, DynamicTestExecutor dynamic) {
        throw Failures.invalidPlan(file, load.errors(), load.moreErrors());
    }
}
