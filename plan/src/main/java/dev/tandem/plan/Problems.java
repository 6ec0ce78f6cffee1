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
    /** Plan order: a problem inside a sub-flow sorts at its include, outermost first, then within the flow. */
    private static final Comparator<Diagnostic> FILE_ORDER = (a, b) -> compare(a.pos(), b.pos());

    private static int compare(SourcePos a, SourcePos b) {
        if (a.via() == null && b.via() == null) return compareHere(a, b);
        List<SourcePos> ca = chain(a);
        List<SourcePos> cb = chain(b);
        for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) {
            int c = compareHere(ca.get(i), cb.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(ca.size(), cb.size()); // the include step before its contents
    }

    /** The position and its includes, outermost first. */
    private static List<SourcePos> chain(SourcePos p) {
        List<SourcePos> out = new ArrayList<>();
        for (SourcePos q = p; q != null; q = q.via()) out.addFirst(q);
        return out;
    }

    private static int compareHere(SourcePos a, SourcePos b) {
        int c = Integer.compare(a.line(), b.line());
        return c != 0 ? c : Integer.compare(a.column(), b.column());
    }

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
