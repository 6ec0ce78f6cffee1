package dev.tandem.apps;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.List;

/** An app definition file that cannot be used; each problem names the file and the path of the bad key. */
public final class AppDefinitionException extends TandemException {
    private final List<String> problems;

    public AppDefinitionException(List<String> problems) {
        super(ErrorCode.VALIDATION, message(problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem: {@code FILE: PATH: what is wrong and what to write instead}. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.size() == 1) return problems.getFirst();
        return problems.size() + " problems in app definitions:\n  " + String.join("\n  ", problems);
    }
}
