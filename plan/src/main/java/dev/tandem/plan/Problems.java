package dev.tandem.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every diagnostic of one load. An error inside an anchor that many steps merge is
 * reported once, not once per use; the result is in file order.
 */
final class Problems {
    private static final Comparator<Diagnostic> FILE_ORDER =
            Comparator.comparingInt((Diagnostic d) -> d.pos().line()).thenComparingInt(d -> d.pos().column());

    private final Set<Diagnostic> found = new LinkedHashSet<>();

    void add(Diagnostic d) {
        found.add(d);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Diagnostic> sorted() {
        List<Diagnostic> out = new ArrayList<>(found);
        out.sort(FILE_ORDER); // stable: diagnostics at one position keep the order they were found in
        return List.copyOf(out);
    }
}
