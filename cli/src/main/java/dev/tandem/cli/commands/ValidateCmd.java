package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.plan.Barrier;
import dev.tandem.plan.CriticalSection;
import dev.tandem.plan.DeviceDecl;
import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.Plan;
import dev.tandem.plan.Step;
import dev.tandem.plan.ToolStep;
import dev.tandem.plan.LoadOptions;
import dev.tandem.plan.MaestroFlow;
import dev.tandem.plan.PlanExplainer;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.PlanLoader;
import dev.tandem.plan.SourcePos;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.Options;

/** {@code tandem validate PLAN…}: checks plans locally (no daemon), every error with its position. Exit 0 or 2. */
public final class ValidateCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("validate", "Check plans without running them; every error with file:line:column.",
                "PLAN… [-e NAME=VALUE] [--explain] [--json]");
    }

    @Override
    public Options options() {
        return Opts.of(ParamFlags.option(),
                Opts.flag("explain", "Print each plan as it runs: parameters filled in (-e values masked), sub-flows inlined "
                        + "with where each step comes from; a Maestro flow converted to a Tandem plan."),
                Opts.json());
    }

    @Override
    public int run(Args args, Context ctx) {
        boolean json = args.flag("json");
        boolean explain = args.flag("explain");
        LoadOptions options = LoadOptions.here(ParamFlags.parse(args.values("env")));
        int errors = 0;
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (String file : args.positional(1, Integer.MAX_VALUE, "PLAN: the plan file(s) to check")) {
            Path plan = Path.of(file);
            // checked before opening: a FIFO would block the loader forever
            LoadResult r = PlanFile.problem(plan)
                    .map(e -> new LoadResult(null, List.of(new Diagnostic(new SourcePos(plan.toString(), 0, 0), e.getMessage(),
                            e.code().hint()))))
                    .orElseGet(() -> PlanLoader.load(plan, options));
            String explained = explain ? explained(plan, r) : null;
            if (explained != null && !json) {
                ctx.out().print(explained);
                if (!r.ok()) {
                    ctx.err().println("note: " + plan + " is written in Maestro's way; above is the Tandem plan it converts to "
                            + "(save it as a .yaml file and validate that)");
                    continue;
                }
            }
            errors += r.errorCount();
            if (json) {
                ObjectNode o = out.addObject();
                o.put("plan", plan.toString()).put("ok", r.ok());
                ArrayNode errs = o.putArray("errors");
                for (Diagnostic d : r.errors()) {
                    ObjectNode e = errs.addObject().put("file", d.pos().file()).put("line", d.pos().line()).put("column", d.pos().column());
                    if (d.pos().via() != null) e.put("via", d.pos().viaText());
                    e.put("message", d.message()).put("hint", d.hint());
                }
                if (r.moreErrors() > 0) o.put("errorCount", r.errorCount()).put("moreErrors", r.moreErrors());
                if (r.ok()) o.put("name", r.plan().name()).put("steps", stepCount(r.plan()))
                        .put("devices", r.plan().labels().size());
                if (explained != null) o.put("explained", explained);
            } else if (r.ok()) {
                if (explained != null) { // stdout holds the plan itself, so it can be saved and run
                    ctx.err().println("✓ " + plan + ": valid (" + stepCount(r.plan()) + " steps)");
                    continue;
                }
                ctx.out().println("✓ " + plan + ": valid (" + stepCount(r.plan()) + " steps, "
                        + (r.plan().multiDevice() ? r.plan().labels().size() + " devices" : "1 device") + ")");
                String note = webNote(r.plan());
                if (note != null) ctx.out().println("  note: " + note);
            } else {
                ctx.err().println("✗ " + plan + ": " + r.errorCount() + (r.errorCount() == 1 ? " error" : " errors")
                        + (r.moreErrors() > 0 ? " (the first " + r.errors().size() + " below)" : ""));
                for (Diagnostic d : r.errors()) {
                    ctx.err().println("  " + d.pos() + ": " + d.message());
                    if (d.hint() != null) ctx.err().println("      → " + d.hint());
                }
                if (r.moreErrors() > 0) ctx.err().println("  … and " + r.moreErrors() + " more errors: fix these first and validate again");
            }
        }
        if (json) ctx.out().println(Json.pretty(out));
        return errors == 0 ? ErrorCategory.PASSED_EXIT_CODE : ErrorCode.VALIDATION.exitCode();
    }

    /**
     * What --explain prints: a valid plan as it runs (parameters filled in, sub-flows inlined), or
     * the Tandem plan a Maestro flow or Maestro-style steps convert to; null when neither applies.
     */
    private static String explained(Path plan, LoadResult r) {
        if (r.ok()) return PlanExplainer.render(r.plan());
        try {
            if (java.nio.file.Files.size(plan) > PlanLoader.MAX_FILE_BYTES) return null;
            return MaestroFlow.convert(java.nio.file.Files.readString(plan), plan.toString());
        } catch (java.io.IOException | RuntimeException e) {
            return null; // unreadable: the load's own diagnostics say why
        }
    }

    /**
     * Steps as a run counts them (its "N of M steps passed"): every tool step, those inside a
     * criticalSection or a control block included (each once, however often a block runs it); the
     * section and block themselves and barriers are not steps.
     */
    static int stepCount(Plan plan) {
        int n = 0;
        for (Step s : plan.steps()) n += s.toolSteps().size();
        return n;
    }

    /** A url step whose device names no platform runs only when the run's platform is web: say how, before the run. */
    static String webNote(Plan plan) {
        for (String label : plan.labels()) {
            ToolStep step = plan.firstWebOnlyStep(label);
            String declared = plan.multiDevice()
                    ? plan.devices().stream().filter(d -> d.label().equals(label)).findFirst().map(DeviceDecl::platform).orElse(null)
                    : plan.platform();
            if (step == null || declared != null) continue;
            return "plan step " + step.planIndex() + " opens a url, so " + (plan.multiDevice() ? "device " + label : "the plan")
                    + " needs a web device: " + (plan.multiDevice() ? "declare {label: " + label + ", platform: web}"
                    : "add `platform: web` to the plan") + ", or run it with --platform web (sim is the default)";
        }
        return null;
    }
}
