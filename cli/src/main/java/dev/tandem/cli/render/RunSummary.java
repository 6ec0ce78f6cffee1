package dev.tandem.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.cli.Context;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header and the closing summary of a run, and validation errors reported by the daemon. */
public final class RunSummary {
    private RunSummary() {}

    public static String header(JsonNode allocated, Style s) {
        StringBuilder devs = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> it = allocated.path("devices").fields();
        while (it.hasNext()) {
            var d = it.next();
            if (!devs.isEmpty()) devs.append(' ');
            devs.append(d.getKey().equals("default") ? d.getValue().asText() : d.getKey() + "=" + d.getValue().asText());
        }
        return s.bold("▶ " + allocated.path("plan").asText()) + " on " + devs + s.dim("  (run " + allocated.path("runId").asText() + ")");
    }

    /**
     * A runner start, said once per device; the first start of a platform also prepares its
     * start-up cache, said once per platform ({@code announced} remembers which were said).
     */
    public static String runnerLine(JsonNode e, java.util.Set<String> announced) {
        String device = e.path("device").asText();
        return e.path("state").asText().equals("preparing") && announced.add(e.path("platform").asText())
                ? "  preparing the " + e.path("platform").asText() + " runner (first use: builds its start-up cache, a few seconds), then starting "
                        + device + "…"
                : "  starting runner for " + device + "…";
    }

    /** Prints the outcome; returns the exit code. */
    public static int finish(Context ctx, JsonNode event, boolean json, boolean debug, Style s, PrintStream progress) {
        JsonNode r = event.path("result");
        int exit = event.path("exitCode").asInt();
        Path dir = Path.of(event.path("dir").asText());
        if (json) {
            ObjectNode o = (ObjectNode) r.deepCopy();
            o.put("dir", dir.toString()).put("exitCode", exit);
            ctx.out().println(Json.pretty(o));
        }
        String status = r.path("status").asText();
        int total = 0, passed = 0, warned = 0;
        for (JsonNode d : r.path("devices")) total += d.path("steps").path("total").asInt();
        for (JsonNode st : r.path("steps")) {
            if (st.path("status").asText().equals("passed")) passed++;
            if (st.path("status").asText().equals("warned")) warned++;
        }
        boolean failed = !status.equals("passed");
        if (failed || debug) {
            for (String line : parallelExecLines(r)) progress.println(line);
        }
        JsonNode root = r.path("rootCause");
        if (failed && !root.isMissingNode() && !root.isNull()) {
            JsonNode f = root.path("failure");
            String code = f.path("code").asText();
            String label = root.path("device").asText();
            String id = r.path("devices").path(label).path("device").asText(label);
            String who = label.equals("default") || label.equals(id) ? id : label + " (" + id + ")";
            progress.println(s.red("✗ " + code) + " on " + who + (f.path("planStep").asInt(-1) < 0
                    ? " before its first step" : " at plan step " + f.path("planStep").asInt())
                    + (f.path("trackStep").asInt(-1) >= 0 ? " (track step " + f.path("trackStep").asInt() + ")" : "")
                    + (f.hasNonNull("tool") ? ", " + f.path("tool").asText() : "") + ":");
            progress.println("  " + f.path("message").asText());
            if (f.hasNonNull("screenshot")) progress.println("  screen at the failure: " + f.path("screenshot").asText());
            try {
                progress.println(s.dim("  → " + ErrorCode.valueOf(code).hint()));
            } catch (IllegalArgumentException ignored) {
                // a code this CLI does not know: the message stands alone
            }
        }
        String word = switch (status) {
            case "passed" -> s.green("PASSED");
            case "aborted" -> s.yellow("ABORTED");
            case "error" -> s.red("ERROR");
            default -> s.red("FAILED");
        };
        progress.println(word + " · " + r.path("plan").asText() + " · " + r.path("devices").size()
                + (r.path("devices").size() == 1 ? " device" : " devices") + " · " + passed + " of " + total + " steps passed"
                + (warned > 0 ? " (" + warned + " warned)" : "") + " · "
                + String.format(Locale.ROOT, "%.2f s", r.path("durationMs").asLong() / 1000.0));
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = dir.startsWith(cwd) ? cwd.relativize(dir) : dir;
        progress.println(s.dim("  results: " + shown.resolve("results.json") + " · " + shown.resolve("junit.xml")));
        return exit;
    }

    /** The seed's per-device lines, from the result JSON. */
    static List<String> parallelExecLines(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.path("devices").fields().forEachRemaining(e -> {
            JsonNode d = e.getValue();
            String word = switch (d.path("status").asText()) {
                case "passed" -> "SUCCESS";
                case "failed" -> "FAILED";
                default -> "ABORTED";
            };
            out.add("[PARALLEL_EXEC] " + e.getKey() + ": " + word + " - " + d.path("steps").path("run").asInt() + "/"
                    + d.path("steps").path("total").asInt() + " steps (" + d.path("durationMs").asLong() + "ms)");
        });
        r.path("devices").fields().forEachRemaining(e -> {
            JsonNode f = e.getValue().path("failure");
            if (f.isMissingNode() || f.isNull()) return;
            int track = f.path("trackStep").asInt(-1);
            // planStep -1: the device failed before its first step (its runner did not start)
            String where = f.path("planStep").asInt(-1) < 0 ? "start-up, before any step"
                    : track >= 0 ? "plan step " + f.path("planStep").asInt() + " (track step " + track + ")"
                    : "plan step " + f.path("planStep").asInt() + " (" + f.path("tool").asText() + ")";
            out.add("[PARALLEL_EXEC] " + e.getKey() + ": Failed at " + where + ": " + f.path("code").asText() + ": "
                    + f.path("message").asText());
        });
        return out;
    }

    /** Validation errors the daemon reported (positions nested under {@code pos}), printed as {@link Errors#validation}. */
    public static int validation(Context ctx, Path plan, JsonNode errors, int more, boolean json) {
        com.fasterxml.jackson.databind.node.ArrayNode flat = Json.MAPPER.createArrayNode();
        for (JsonNode d : errors) {
            JsonNode pos = d.path("pos");
            ObjectNode f = flat.addObject().put("file", pos.path("file").asText()).put("line", pos.path("line").asInt())
                    .put("column", pos.path("column").asInt()).put("message", d.path("message").asText());
            if (d.hasNonNull("hint")) f.put("hint", d.path("hint").asText());
        }
        return dev.tandem.cli.Errors.validation(ctx, plan.toString(), flat, more, json);
    }
}
