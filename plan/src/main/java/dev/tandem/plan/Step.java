package dev.tandem.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * One top-level entry of a plan's step list. Plan indices are 0-based positions in that list;
 * steps nested in a critical section or a control block carry their enclosing top-level step's plan index.
 */
public sealed interface Step permits ToolStep, CriticalSection, Barrier, Block {
    int planIndex();

    String label();

    SourcePos pos();

    /** The tool steps this step holds, in plan order: itself, a section's steps, a block's (nested blocks' too). */
    default List<ToolStep> toolSteps() {
        return switch (this) {
            case ToolStep t -> List.of(t);
            case CriticalSection cs -> cs.steps();
            case Barrier b -> List.of();
            case Block b -> {
                List<ToolStep> out = new ArrayList<>();
                for (Step s : b.steps()) out.addAll(s.toolSteps());
                yield out;
            }
        };
    }
}
