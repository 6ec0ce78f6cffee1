package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.cli.Args;
import dev.tandem.cli.Command;
import dev.tandem.cli.Context;
import dev.tandem.cli.PlanFile;
import dev.tandem.plan.Diagnostic;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.PlanLoader;
import dev.tandem.plan.SourcePos;
import dev.tandem.protocol.Json;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.Options;

/** {@code tandem validate PLAN…}: checks plans locally (no daemon), every error with its position. Exit 0 or 2. */
public final class ValidateCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("validate", "Check plans without running them; every error with file:line:column.",
                "PLAN… [--json]");
    }

    @Override
    public Options options() {
        return Opts.of(Opts.json());
    }

    @Override
    public int run(Args args, Context ctx) {
        boolean json = args.flag("json");
        int errors = 0;
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (String file : args.positional(1, Integer.MAX_VALUE, "PLAN: the plan file(s) to check")) {
            Path plan = Path.of(file);
            // checked before opening: a FIFO would block the loader forever
            LoadResult r = PlanFile.problem(plan)
                    .map(e -> new LoadResult(null, List.of(new Diagnostic(new SourcePos(plan.toString(), 0, 0), e.getMessage(),
                            e.code().hint()))))
                    .orElseGet(() -> PlanLoader.load(plan));
            errors += r.errors().size();
            if (json) {
                ObjectNode o = out.addObject();
                o.put("plan", plan.toString()).put("ok", r.ok());
                ArrayNode errs = o.putArray("errors");
                for (Diagnostic d : r.errors()) {
                    errs.addObject().put("file", d.pos().file()).put("line", d.pos().line()).put("column", d.pos().column())
                            .put("message", d.message()).put("hint", d.hint());
                }
                if (r.ok()) o.put("name", r.plan().name()).put("steps", r.plan().steps().size())
                        .put("devices", r.plan().labels().size());
            } else if (r.ok()) {
                ctx.out().println("✓ " + plan + ": valid (" + r.plan().steps().size() + " steps, "
                        + (r.plan().multiDevice() ? r.plan().labels().size() + " devices" : "1 device") + ")");
            } else {
                ctx.err().println("✗ " + plan + ": " + r.errors().size() + (r.errors().size() == 1 ? " error" : " errors"));
                for (Diagnostic d : r.errors()) {
                    ctx.err().println("  " + d.pos() + ": " + d.message());
                    if (d.hint() != null) ctx.err().println("      → " + d.hint());
                }
            }
        }
        if (json) ctx.out().println(Json.pretty(out));
        return errors == 0 ? 0 : 2;
    }
}
