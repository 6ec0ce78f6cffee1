package dev.tandem.daemon.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import dev.tandem.protocol.result.SyncRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's report data: the result records in a compact shape. Steps are arrays
 * {@code [device, planStep, trackStep, tool, label, status, startMs, durationMs, code?, message?, screenshot?]}
 * with devices, tools and statuses as indexes into tables, so 16 devices × 200 steps stay a few
 * hundred kB; sync records are grouped per sync point. Screenshot paths are made relative to the
 * run directory, so the page works wherever the directory is copied.
 */
public final class RunReportData {
    private RunReportData() {}

    public static ObjectNode of(RunResult r, Path runDir) {
        ObjectNode o = Json.object().put("k", "run").put("runId", r.runId()).put("plan", r.plan()).put("status", r.status().wire())
                .put("durationMs", r.durationMs()).put("startedAtMs", r.startedAtMs());
        List<String> labels = new ArrayList<>(r.devices().keySet());
        ArrayNode devices = o.putArray("devices");
        r.devices().forEach((label, d) -> devices.add(device(label, d, runDir)));
        List<String> tools = new ArrayList<>();
        ArrayNode statuses = o.putArray("statuses");
        for (StepStatus s : StepStatus.values()) statuses.add(s.wire());
        ArrayNode steps = o.putArray("steps");
        for (StepRecord s : r.steps()) {
            int d = index(labels, s.device());
            int t = index(tools, s.tool());
            ArrayNode a = steps.addArray().add(d).add(s.planStep()).add(s.trackStep()).add(t).add(s.label()).add(s.status().ordinal())
                    .add(s.startMs()).add(s.durationMs());
            if (s.error() != null || s.screenshot() != null) {
                if (s.error() != null) a.add(s.error().code().name()).add(s.error().message());
                else a.addNull().addNull();
                if (s.screenshot() != null) a.add(relative(s.screenshot(), runDir));
            }
        }
        ArrayNode toolTable = o.putArray("tools");
        tools.forEach(toolTable::add);
        o.set("syncs", syncs(r.syncs(), labels));
        if (r.rootCause() != null) {
            ObjectNode root = failure(r.rootCause().failure(), runDir);
            root.put("device", r.rootCause().device());
            o.set("root", root);
        }
        return o;
    }

    /** One entry per sync point: its participants and each one's {@code [device, arrived, entered, left]}. */
    private static ArrayNode syncs(List<SyncRecord> records, List<String> labels) {
        Map<String, ObjectNode> byPoint = new LinkedHashMap<>();
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (records == null) return out;
        for (SyncRecord s : records) {
            ObjectNode g = byPoint.computeIfAbsent(s.planStep() + "/" + s.kind(), k -> {
                ObjectNode n = out.addObject().put("p", s.planStep()).put("kind", s.kind()).put("name", s.name());
                ArrayNode devs = n.putArray("devs");
                for (String l : s.devices()) devs.add(index(labels, l));
                n.putArray("at");
                return n;
            });
            ((ArrayNode) g.get("at")).addArray().add(index(labels, s.device())).add(s.arrivedMs()).add(s.enteredMs()).add(s.leftMs());
        }
        return out;
    }

    private static ObjectNode device(String label, DeviceResult d, Path runDir) {
        ObjectNode n = Json.object().put("label", label).put("device", d.device()).put("platform", d.platform()).put("profile", d.profile())
                .put("status", d.status().wire()).put("run", d.steps().run()).put("total", d.steps().total()).put("durationMs", d.durationMs());
        if (d.failure() != null) n.set("failure", failure(d.failure(), runDir));
        return n;
    }

    private static ObjectNode failure(Failure f, Path runDir) {
        ObjectNode n = Json.object().put("planStep", f.planStep()).put("trackStep", f.trackStep()).put("tool", f.tool())
                .put("code", f.code() == null ? null : f.code().name()).put("message", f.message());
        if (f.screenshot() != null) n.put("screenshot", relative(f.screenshot(), runDir));
        return n;
    }

    /** A screenshot's path as the page links it: relative to the run directory when inside it. */
    static String relative(String file, Path dir) {
        Path p = Path.of(file);
        if (!p.isAbsolute()) return file.replace('\\', '/');
        Path base = dir.toAbsolutePath().normalize();
        Path abs = p.normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toUri().toString();
    }

    private static int index(List<String> table, String value) {
        int i = table.indexOf(value);
        if (i >= 0) return i;
        table.add(value);
        return table.size() - 1;
    }
}
