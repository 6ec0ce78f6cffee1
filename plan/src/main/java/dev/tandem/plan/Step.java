package dev.tandem.plan;

/**
 * One top-level entry of a plan's step list. Plan indices are 0-based positions in that list;
 * steps nested in a critical section carry their section's plan index.
 */
public sealed interface Step permits ToolStep, CriticalSection, Barrier {
    int planIndex();

    String label();

    SourcePos pos();
}
