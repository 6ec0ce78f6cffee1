package dev.tandem.daemon.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.LoadOptions;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.PlanLoader;
import dev.tandem.plan.ToolStep;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import java.util.stream.Collectors;

/**
 * A command's params checked as a plan step's, by the plan validator itself: the command is written
 * as a one-step plan (JSON is YAML) and loaded. Its diagnostics become one BAD_PARAMS message, and
 * nothing is sent; otherwise the step gives the params and timeout a plan would send.
 */
final class StepParams {
    private StepParams() {}

    static ToolStep check(Tool tool, ObjectNode params) {
        ObjectNode step = Json.object().put("tool", tool.wireName());
        step.set("params", params);
        ObjectNode plan = Json.object();
        plan.putArray("steps").add(step);
        LoadResult loaded = PlanLoader.parse(Json.text(plan), "command", LoadOptions.LITERAL); // a command types what it is given
        if (!loaded.ok()) {
            String why = loaded.errors().stream().map(StepParams::sentence).collect(Collectors.joining("; "));
            throw new TandemException(ErrorCode.BAD_PARAMS, tool.wireName() + " " + Json.text(params) + ": " + why
                    + (loaded.moreErrors() > 0 ? " (and " + loaded.moreErrors() + " more)" : ""));
        }
        if (!(loaded.plan().steps().getFirst() instanceof ToolStep ts)) {
            throw new TandemException(ErrorCode.USAGE, tool.wireName() + " is not a command on one device; put it in a plan");
        }
        return ts;
    }

    private static String sentence(Diagnostic d) {
        return d.message() + (d.hint() != null && !d.hint().isBlank() ? " (" + d.hint() + ")" : "");
    }
}
