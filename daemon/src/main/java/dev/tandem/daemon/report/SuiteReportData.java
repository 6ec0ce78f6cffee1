package dev.tandem.daemon.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Json;
import java.nio.file.Path;

/**
 * A suite's report data, read from its results.json tree (so {@code tandem report} redraws a suite
 * from the file alone): every plan with its shard, devices, duration, status, attempts and whether
 * it was flaky, each attempt linked to its own run page by a path relative to the suite directory.
 */
public final class SuiteReportData {
    private SuiteReportData() {}

    public static ObjectNode of(JsonNode suite, Path suiteDir) {
        ObjectNode o = Json.object().put("k", "suite").put("suiteId", suite.path("suiteId").asText())
                .put("status", suite.path("status").asText()).put("durationMs", suite.path("durationMs").asLong())
                .put("plans", suite.path("plans").asInt()).put("passed", suite.path("passed").asLong());
        o.set("shards", suite.path("shards").isArray() ? suite.get("shards") : Json.MAPPER.createArrayNode());
        ArrayNode runs = o.putArray("runs");
        for (JsonNode r : suite.path("runs")) {
            ObjectNode n = runs.addObject().put("path", r.path("path").asText(r.path("plan").asText())).put("shard", r.path("shard").asInt())
                    .put("status", r.path("status").asText()).put("durationMs", r.path("durationMs").asLong())
                    .put("flaky", r.path("flaky").asBoolean(false)).put("report", report(r, suiteDir));
            ObjectNode devices = n.putObject("devices");
            r.path("devices").fields().forEachRemaining(e -> devices.put(e.getKey(), e.getValue().path("device").asText()));
            if (r.hasNonNull("rootCause")) n.set("root", root(r.get("rootCause")));
            ArrayNode attempts = n.putArray("attempts");
            JsonNode given = r.path("attempts");
            if (given.isArray() && !given.isEmpty()) {
                for (JsonNode a : given) {
                    attempts.addObject().put("status", a.path("status").asText()).put("durationMs", a.path("durationMs").asLong())
                            .put("report", report(a, suiteDir)).put("root", a.hasNonNull("rootCause") ? line(a.get("rootCause")) : null);
                }
            } else {
                attempts.addObject().put("status", r.path("status").asText()).put("durationMs", r.path("durationMs").asLong())
                        .put("report", report(r, suiteDir)).put("root", r.hasNonNull("rootCause") ? line(r.get("rootCause")) : null);
            }
        }
        return o;
    }

    private static ObjectNode root(JsonNode rc) {
        JsonNode f = rc.path("failure");
        return Json.object().put("device", rc.path("device").asText()).put("code", f.path("code").asText())
                .put("message", f.path("message").asText());
    }

    private static String line(JsonNode rc) {
        JsonNode f = rc.path("failure");
        return rc.path("device").asText() + ": " + f.path("code").asText() + ": " + f.path("message").asText();
    }

    /** The attempt's run page, relative to the suite directory; null when the run has no directory. */
    private static String report(JsonNode run, Path suiteDir) {
        String dir = run.path("dir").asText(null);
        return dir == null ? null : RunReportData.relative(Path.of(dir).resolve("report.html").toString(), suiteDir);
    }
}
