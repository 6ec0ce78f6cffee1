package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.ValidationError;

/**
 * Prints an error the same way everywhere: code, sentence, what to do; or, with --json, one
 * shape on stdout for every error of every command:
 * {@code {"error": {"code", "message", "hint", "exitCode", "diagnostics"?}}}.
 */
public final class Errors {
    private Errors() {}

    public static int report(Context ctx, TandemException e, boolean json) {
        return report(ctx, e.info(), json);
    }

    public static int report(Context ctx, ErrorInfo e, boolean json) {
        String message = RequestFields.asFlags(e.message());
        if (json) {
            ctx.out().println(Json.text(error(e.code(), message)));
        } else {
            ctx.err().println("tandem: " + e.code().name() + ": " + message);
            ctx.err().println("  → " + e.code().hint());
        }
        return e.code().exitCode();
    }

    /**
     * A plan that failed validation. {@code diagnostics} are flat objects ({@code file, line,
     * column, message, hint}), the same shape {@code tandem validate --json} lists; {@code more}
     * counts the errors left off the (capped) list.
     */
    public static int validation(Context ctx, String plan, ArrayNode diagnostics, boolean json) {
        return validation(ctx, plan, diagnostics, 0, json);
    }

    public static int validation(Context ctx, String plan, ArrayNode diagnostics, int more, boolean json) {
        int n = diagnostics.size() + more;
        String message = n + (n == 1 ? " error" : " errors") + " in " + plan;
        if (json) {
            ObjectNode o = error(ErrorCode.VALIDATION, message);
            ObjectNode e = ((ObjectNode) o.path("error")).put("plan", plan);
            if (more > 0) e.put("errorCount", n).put("moreErrors", more);
            e.set("diagnostics", diagnostics);
            ctx.out().println(Json.text(o));
        } else {
            ctx.err().println("✗ " + plan + ": " + n + (n == 1 ? " error" : " errors"));
            for (JsonNode d : diagnostics) {
                ctx.err().println("  " + d.path("file").asText() + ":" + d.path("line").asInt() + ":" + d.path("column").asInt()
                        + (d.hasNonNull("via") ? " via " + d.path("via").asText() : "") + ": " + d.path("message").asText());
                if (d.hasNonNull("hint")) ctx.err().println("      → " + d.path("hint").asText());
            }
            if (more > 0) ctx.err().println("  … and " + more + " more errors: fix these first and validate again");
        }
        return ErrorCode.VALIDATION.exitCode();
    }

    /** Validation errors the daemon reported, printed as {@link #validation}; a position at a request field names its flag. */
    public static int validation(Context ctx, String plan, java.util.List<ValidationError> errors, int more, boolean json) {
        ArrayNode flat = Json.MAPPER.createArrayNode();
        for (ValidationError d : errors) {
            ObjectNode f = flat.addObject().put("file", RequestFields.flagOf(d.pos().file()).orElse(d.pos().file()))
                    .put("line", d.pos().line()).put("column", d.pos().column()).put("message", RequestFields.asFlags(d.message()));
            if (d.pos().via() != null) f.put("via", d.pos().via());
            if (d.hint() != null) f.put("hint", RequestFields.asFlags(d.hint()));
        }
        return validation(ctx, plan, flat, more, json);
    }

    private static ObjectNode error(ErrorCode code, String message) {
        ObjectNode o = Json.object();
        o.putObject("error").put("code", code.name()).put("message", message).put("hint", code.hint())
                .put("exitCode", code.exitCode());
        return o;
    }
}
