package dev.tandem.plan;

import java.util.List;

/**
 * A rendezvous without serialisation: each listed device waits until all have arrived.
 *
 * @param devices the participating labels (all declared devices when the plan gives none)
 * @param timeoutMs bound on the wait (default 60 s)
 */
public record Barrier(int planIndex, List<String> devices, long timeoutMs, String label, SourcePos pos)
        implements Step {}
