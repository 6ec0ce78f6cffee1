package dev.tandem.mcp;

import dev.tandem.client.RunOutcome;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.StepStatus;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code run_plan}: runs a plan through the daemon. Each finished step is a progress notification
 * when the call carried a progressToken (and a log message at info); the answer is the run's
 * outcome with the paths of its files. A plan that ran and failed is a result, not a tool error.
 */
final class RunPlan {
    private RunPlan() {}

    /** Where run progress goes; the SDK exchange in the server, a list in tests. */
    interface Progress {
        void step(double n, String message);
    }

    static CallToolResult run(Session s, CallArgs a, Progress progress) {
        Path plan = PlanTools.planFile(s, a);
        RunRequest request = PlanTools.request(s, a, plan);
        Progress p = progress != null ? progress : (n, m) -> {};
        int[] done = {0};
        Consumer<RunEvent> events = e -> {
            if (e instanceof RunEvent.Step st && st.phase() == RunEvent.Phase.END) {
                done[0]++;
                p.step(done[0], st.device() + " step " + st.planStep() + " " + st.tool() + " " + (st.status() == null ? "" : st.status().name())
                        + (st.error() == null ? "" : ": " + st.error().code() + ": " + st.error().message()));
            } else if (e instanceof RunEvent.Queued q) {
                p.step(done[0], "waiting: " + q.message());
            }
        };
        RunOutcome outcome = s.gateway.run(request, events);
        return answer(outcome);
    }

    /** The exchange's notifications for a call: progress for its token (if any), and a log message. */
    static Progress notifications(McpSyncServerExchange exchange, McpSchema.CallToolRequest req) {
        Object token = req.progressToken();
        return (n, message) -> {
            try {
                if (token != null) exchange.progressNotification(new McpSchema.ProgressNotification(token, n, null, message));
                exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder()
                        .level(McpSchema.LoggingLevel.INFO).logger("tandem.run").data(message).build());
            } catch (RuntimeException clientGone) {
                // progress is best effort: the run's answer still comes
            }
        };
    }

    static CallToolResult answer(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.Finished f -> finished(f.result(), f.dir(), f.exitCode());
            case RunOutcome.Invalid v -> {
                List<Map<String, Object>> errors = new ArrayList<>();
                v.validation().errors().forEach(e -> errors.add(PlanTools.diagnostic(e)));
                int more = v.validation().moreErrors() == null ? 0 : v.validation().moreErrors();
                Map<String, Object> structured = new LinkedHashMap<>();
                structured.put("code", ErrorCode.VALIDATION.name());
                structured.put("message", "the plan is not valid; nothing ran");
                structured.put("hint", ErrorCode.VALIDATION.hint());
                structured.put("errors", errors);
                yield CallToolResult.builder().addTextContent(PlanTools.diagnostics(errors.size() + more, errors, more)
                        + ErrorCode.VALIDATION.hint()).structuredContent(structured).isError(true).build();
            }
            case RunOutcome.Refused r -> ToolResults.error(r.error().code(), r.error().message());
            case RunOutcome.SuiteFinished f -> ToolResults.error(ErrorCode.INTERNAL, "the daemon answered a plan run with a suite's result (" + f.dir() + ")");
            case RunOutcome.Ended e -> ToolResults.error(ErrorCode.INTERNAL, "the run ended (exit " + e.exitCode() + ") without a result; see the daemon's log");
        };
    }

    static CallToolResult finished(RunResult r, String dir, int exitCode) {
        long passed = r.steps() == null ? 0 : r.steps().stream().filter(x -> x.status() == StepStatus.PASSED).count();
        int total = r.steps() == null ? 0 : r.steps().size();
        StringBuilder text = new StringBuilder(r.status().name()).append(' ').append(r.plan()).append(": ")
                .append(passed).append(" of ").append(total).append(" steps passed in ").append(r.durationMs()).append(" ms\n");
        if (r.devices() != null) {
            r.devices().forEach((label, d) -> text.append("  ").append(label).append(" on ").append(d.device()).append(": ").append(status(d)).append('\n'));
        }
        if (r.rootCause() != null && r.rootCause().failure() != null) {
            var f = r.rootCause().failure();
            text.append("root cause: ").append(r.rootCause().device()).append(" step ").append(f.planStep()).append(' ').append(f.tool())
                    .append(": ").append(f.code()).append(": ").append(f.message()).append('\n');
        }
        Path d = Path.of(dir);
        text.append("results: ").append(d.resolve("results.json")).append('\n')
                .append("junit: ").append(d.resolve("junit.xml")).append('\n')
                .append("run dir: ").append(d).append('\n');
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("status", r.status().name());
        structured.put("exitCode", exitCode);
        structured.put("runId", r.runId());
        structured.put("dir", d.toString());
        structured.put("resultsJson", d.resolve("results.json").toString());
        structured.put("junitXml", d.resolve("junit.xml").toString());
        structured.put("result", r);
        return ToolResults.ok(text.toString(), structured);
    }

    private static String status(DeviceResult d) {
        return d.status() + (d.steps() == null ? "" : " (" + d.steps().run() + "/" + d.steps().total() + " steps)")
                + (d.failure() == null ? "" : ", " + d.failure().code() + ": " + d.failure().message());
    }
}
