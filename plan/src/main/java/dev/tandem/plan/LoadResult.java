package dev.tandem.plan;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What loading a plan gave: the plan, or every problem found (in file order), never both.
 *
 * @param plan null when {@code errors} is non-empty
 * @param errors the first {@link #MAX_REPORTED} problems, in file order
 * @param errorCount how many problems there are in all (a generated plan can have 100,000)
 */
public record LoadResult(Plan plan, List<Diagnostic> errors, int errorCount) {
    /** More than this many errors are counted, not listed: nobody reads 30 MB of them. */
    public static final int MAX_REPORTED = 50;

    public LoadResult(Plan plan, List<Diagnostic> errors) {
        this(plan, errors, errors.size());
    }

    public LoadResult {
        errorCount = Math.max(errorCount, errors.size());
        errors = List.copyOf(errors.size() > MAX_REPORTED ? errors.subList(0, MAX_REPORTED) : errors);
        if ((plan == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a load result holds a plan or errors, not both and not neither");
        }
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Problems found but not in {@link #errors}. */
    public int moreErrors() {
        return errorCount - errors.size();
    }

    /** The plan, or a VALIDATION error listing every diagnostic, one per line. */
    public Plan orThrow() {
        if (ok()) return plan;
        throw new TandemException(ErrorCode.VALIDATION,
                errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"))
                        + (moreErrors() > 0 ? "\n... and " + moreErrors() + " more errors" : ""));
    }
}
