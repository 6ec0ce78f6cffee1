package dev.tandem.mcp;

import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.LoadOptions;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.PlanLoader;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.api.ValidationError;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code validate_plan}, {@code run_plan}, {@code plan_reference}: plans, written by the agent or on disk. */
final class PlanTools {
    private PlanTools() {}

    static final String INLINE_NAME = "plan.yaml";

    static List<SyncToolSpecification> all(Session s) {
        Map<String, Object> source = Map.of(
                "yaml", Schemas.string("The plan's YAML text (give this or `path`)."),
                "path", Schemas.string("A plan file, absolute or relative to the MCP server's working directory (give this or `yaml`)."),
                "env", Schemas.stringMap("Values of the plan's ${NAME} parameters ({\"USER_EMAIL\": \"a@example.com\"}), like the CLI's -e: "
                        + "they win over the plan's env: and the server's environment, and are masked (***) in every result."));
        Map<String, Object> run = new LinkedHashMap<>(source);
        run.put("devices", Schemas.stringMap("Device per label ({\"A\": \"sim-1\", \"B\": \"sim-2\"}; label `default` for a single-device plan): "
                + "devices this session acquired, used without a new allocation and still held after the run. Omitted: the run allocates its own."));
        run.put("platform", Schemas.string("For an allocated run: the platform of labels without one (default sim)."));
        run.put("output", Schemas.string("Where the run directory goes (default: tandem-out under the server's working directory)."));
        run.put("waitMs", Schemas.integer(0, "For an allocated run: how long to wait for busy devices, in ms (default 120000)."));
        return List.of(
                SessionTools.spec("validate_plan", "Check a plan without running it: every problem with file:line:column and a fix hint.",
                        Schemas.object(source), true, (a, x, r) -> validate(s, a)),
                SessionTools.spec("run_plan", "Run a plan on the devices and report its result, with the paths of results.json, junit.xml and the run directory. "
                        + "Sends progress notifications per step when the call carries a progressToken.",
                        Schemas.object(run), false, (a, x, r) -> RunPlan.run(s, a, RunPlan.notifications(x, r))),
                SessionTools.spec("plan_reference", "The plan format: every tool with its params, then the full reference (docs/plan-format.md).",
                        Schemas.object(Map.of()), true, (a, x, r) -> ToolResults.ok(PlanReference.text(), null)));
    }

    /** The plan a call names: an existing file, or its inline YAML written to a fresh file. */
    static Path planFile(Session s, CallArgs a) {
        String yaml = a.string("yaml");
        String path = a.string("path");
        if ((yaml == null) == (path == null)) throw a.bad("needs exactly one of `yaml` (the plan's text) or `path` (a plan file)");
        if (path != null) {
            Path p = s.resolve(path);
            if (!Files.isRegularFile(p)) throw new TandemException(ErrorCode.PLAN_NOT_FOUND, "no plan file at " + p);
            return p;
        }
        try {
            Path dir = Files.createTempDirectory("tandem-mcp-plan-");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(INLINE_NAME);
            Files.writeString(file, yaml);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new TandemException(ErrorCode.INTERNAL, "cannot write the plan to a temporary file: " + e.getMessage());
        }
    }

    static CallToolResult validate(Session s, CallArgs a) {
        String yaml = a.string("yaml");
        LoadResult r;
        LoadOptions options = LoadOptions.here(env(a));
        if (yaml != null && a.string("path") == null) r = PlanLoader.parse(yaml, INLINE_NAME, options);
        else r = PlanLoader.load(planFile(s, a), options);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Diagnostic d : r.errors()) {
            Map<String, Object> e = diagnostic(d.pos().file(), d.pos().line(), d.pos().column(), d.message(), d.hint());
            if (d.pos().via() != null) e.put("via", d.pos().viaText());
            errors.add(e);
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("ok", r.ok());
        structured.put("errors", errors);
        if (r.moreErrors() > 0) structured.put("moreErrors", r.moreErrors());
        if (r.ok()) {
            structured.put("name", r.plan().name());
            structured.put("devices", r.plan().labels());
            return ToolResults.ok("valid: " + r.plan().name() + " (" + r.plan().steps().size() + " steps, devices "
                    + String.join(", ", r.plan().labels()) + ")", structured);
        }
        return ToolResults.ok(diagnostics(r.errorCount(), errors, r.moreErrors()), structured);
    }

    static Map<String, Object> diagnostic(String file, int line, int column, String message, String hint) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("line", line);
        m.put("column", column);
        m.put("message", message);
        if (hint != null) m.put("hint", hint);
        return m;
    }

    static Map<String, Object> diagnostic(ValidationError e) {
        Map<String, Object> m = diagnostic(e.pos().file(), e.pos().line(), e.pos().column(), e.message(), e.hint());
        if (e.pos().via() != null) m.put("via", e.pos().via());
        return m;
    }

    /** The call's {@code env}: parameter values, as -e gives them on the command line. */
    static Map<String, String> env(CallArgs a) {
        Map<String, String> out = new LinkedHashMap<>();
        var given = a.json().get("env");
        if (given == null || given.isNull()) return out;
        if (!given.isObject()) throw a.bad("`env` must map parameter names to values, e.g. {\"USER_EMAIL\": \"a@example.com\"}");
        given.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) throw a.bad("`env." + e.getKey() + "` must be a string");
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /** {@code VALIDATION: 2 errors} then {@code file:line:column: message} and its hint, one per error. */
    static String diagnostics(int count, List<Map<String, Object>> errors, int more) {
        StringBuilder sb = new StringBuilder("VALIDATION: ").append(count).append(count == 1 ? " error" : " errors").append('\n');
        for (Map<String, Object> e : errors) {
            sb.append(e.get("file")).append(':').append(e.get("line")).append(':').append(e.get("column"))
                    .append(e.get("via") == null ? "" : " via " + e.get("via")).append(": ").append(e.get("message")).append('\n');
            if (e.get("hint") != null) sb.append("    → ").append(e.get("hint")).append('\n');
        }
        if (more > 0) sb.append("… and ").append(more).append(" more: fix these first and validate again\n");
        return sb.toString();
    }

    static RunRequest request(Session s, CallArgs a, Path plan) {
        Map<String, String> devices = new LinkedHashMap<>();
        var given = a.json().get("devices");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) throw a.bad("`devices` must map labels to device ids, e.g. {\"A\": \"sim-1\"}");
            given.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) throw a.bad("`devices." + e.getKey() + "` must be a device id");
                devices.put(e.getKey(), e.getValue().asText());
            });
        }
        String output = s.resolve(a.string("output") == null ? "tandem-out" : a.string("output")).toString();
        Long waitMs = a.number("waitMs", 0);
        long pid = ProcessHandle.current().pid();
        if (devices.isEmpty()) {
            return new RunRequest(plan.toString(), Map.of(), a.string("platform"), null, null, output,
                    waitMs == null ? RunRequest.DEFAULT_WAIT_MS : waitMs, pid, null, List.of(), null).withParams(env(a), System.getenv());
        }
        devices.values().forEach(s::requireLeased);
        return new RunRequest(plan.toString(), devices, null, null, null, output, 0L, pid, null, List.of(), s.gateway.leaseId())
                .withParams(env(a), System.getenv());
    }

}
