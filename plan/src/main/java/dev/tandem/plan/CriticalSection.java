package dev.tandem.plan;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A block whose steps run one at a time in declared order once every participant has arrived.
 * Participants are the distinct devices its steps name, in first-appearance order.
 *
 * @param lock name of the run-scoped lock held while the block runs (sections sharing a lock never overlap)
 * @param timeoutMs bound on the rendezvous (default 60 s)
 */
public record CriticalSection(
        int planIndex, String lock, List<ToolStep> steps, long timeoutMs, String label, SourcePos pos)
        implements Step {

    public List<String> participants() {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (ToolStep s : steps) seen.add(s.device());
        return List.copyOf(seen);
    }
}
