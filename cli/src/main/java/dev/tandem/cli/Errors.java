package dev.tandem.cli;

import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.util.Map;

/** Prints an error the same way everywhere: code, sentence, what to do; or JSON with --json. */
public final class Errors {
    private Errors() {}

    public static int report(Context ctx, TandemException e, boolean json) {
        return report(ctx, e.info(), json);
    }

    public static int report(Context ctx, ErrorInfo e, boolean json) {
        if (json) {
            ctx.out().println(Json.text(Map.of("error", Map.of("code", e.code().name(), "message", e.message(),
                    "hint", e.code().hint(), "exitCode", e.code().exitCode()))));
        } else {
            ctx.err().println("tandem: " + e.code().name() + ": " + e.message());
            ctx.err().println("  → " + e.code().hint());
        }
        return e.code().exitCode();
    }
}
