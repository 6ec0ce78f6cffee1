package dev.tandem.plan;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What loading a plan gave: the plan, or every problem found (in file order), never both.
 *
 * @param plan null when {@code errors} is non-empty
 */
public record LoadResult(Plan plan, List<Diagnostic> errors) {
    public LoadResult {
        errors = List.copyOf(errors);
        if ((plan == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a load result holds a plan or errors, not both and not neither");
        }
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The plan, or a VALIDATION error listing every diagnostic, one per line. */
    public Plan orThrow() {
        if (ok()) return plan;
        throw new TandemException(ErrorCode.VALIDATION,
                errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    }
}
