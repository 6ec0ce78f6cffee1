package dev.tandem.cli.commands;

import dev.tandem.daemon.report.ReportFiles;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.Json;
import java.nio.file.Path;
import org.apache.commons.cli.Options;

/** {@code tandem report DIR}: draws a run's or a suite's report.html again from its results.json (no daemon). */
public final class ReportCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("report", "Re-render a run's or suite's report.html from its results.json.", "RUN_DIR [--json]");
    }

    @Override
    public Options options() {
        return Opts.of(Opts.json());
    }

    @Override
    public int run(Args args, Context ctx) {
        boolean json = args.flag("json");
        Path dir = Path.of(args.positional(1, 1, "RUN_DIR: a run or suite directory (tandem-out/<id>)").getFirst());
        Path out = ReportFiles.rerender(dir);
        if (json) ctx.out().println(Json.pretty(Json.object().put("report", out.toAbsolutePath().toString())));
        else ctx.out().println("report: " + out.toAbsolutePath());
        return ErrorCategory.PASSED_EXIT_CODE;
    }
}
