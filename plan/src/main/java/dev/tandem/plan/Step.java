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
        return toolStepsOn(null);
    }

    /**
     * The tool steps that can run on a device of {@code platform}: as {@link #toolSteps()}, without
     * those of a {@code when} block for another platform (a plan for web and sim may hold a url
     * step for web only). A null platform keeps them all.
     */
    default List<ToolStep> toolStepsOn(String platform) {
        return switch (this) {
            case ToolStep t -> List.of(t);
            case CriticalSection cs -> cs.steps();
            case Barrier b -> List.of();
            case Block b -> {
                List<ToolStep> out = new ArrayList<>();
                if (platform != null && b.platform() != null && !b.platform().equals(platform)) yield out;
                for (Step s : b.steps()) out.addAll(s.toolStepsOn(platform));
                yield out;
            }
        };
    }
}
