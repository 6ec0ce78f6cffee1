package dev.tandem.junit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;

/**
 * The engine's unique ids: {@code [engine:tandem]/[plan:/abs/path.yaml]/[track:A]}. The plan's
 * absolute path makes a plan selected twice one test, and lets an IDE rerun one plan by its id.
 */
final class PlanIds {
    static final String PLAN = "plan";
    static final String TRACK = "track";

    private PlanIds() {}

    static UniqueId plan(UniqueId engine, Path file) {
        return engine.append(PLAN, file.toString());
    }

    static UniqueId track(UniqueId plan, String label) {
        return plan.append(TRACK, label);
    }

    /** The plan file a unique id of this engine names (also a track's id), if it names one. */
    static Optional<Path> planFile(UniqueId id, UniqueId engine) {
        List<UniqueId.Segment> segments = id.getSegments();
        if (segments.size() < 2 || !id.getEngineId().equals(engine.getEngineId())) return Optional.empty();
        UniqueId.Segment plan = segments.get(1);
        return PLAN.equals(plan.getType()) ? Optional.of(Path.of(plan.getValue())) : Optional.empty();
    }
}
