package dev.tandem.cli.commands;

import dev.tandem.cli.render.LiveRenderer;
import dev.tandem.cli.render.PlainRenderer;
import dev.tandem.cli.render.RunRenderer;
import dev.tandem.cli.render.RunSummary;
import dev.tandem.cli.render.Style;
import dev.tandem.client.RunOutcome;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.Options;

/** {@code tandem run PLAN}: runs one plan on its devices, showing progress; writes results.json, junit.xml and report.html. */
public final class RunCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("run", "Run a plan on one or several devices.",
                "PLAN [options]");
    }

    @Override
    public Options options() {
        return Opts.of(
                Opts.value("d", "device", "LABEL=SPEC", "Device for a label: sim, sim:ID, web, web:PROFILE (repeatable). "
                        + "A single-device plan also takes a bare SPEC."),
                Opts.value("platform", "P", "Default platform for labels without --device: sim (default), web, android, ios, or any platform the daemon offers."),
                Opts.value("app", "FILE", "An app definition (YAML, see docs/apps.md) installed on the run's sim devices "
                        + "for this run, beside the built-in apps (repeatable)."),
                ParamFlags.option(),
                Opts.value("abort-strategy", "S", "immediate | finish-current-step (default: the plan's, else immediate)."),
                Opts.value("start-step", "N", "Skip top-level steps with a plan index below N (0-based)."),
                Opts.value("o", "output", "DIR", "Where run directories go (default: tandem-out)."),
                Opts.value("runner-port", "PORT", "Run the device's runner on this 127.0.0.1 port (one-device runs); "
                        + "a taken port is an error, never silently another one."),
                Opts.screenshots(),
                Opts.flag("no-wait", "Fail with DEVICE_UNAVAILABLE at once instead of waiting for busy devices."),
                Opts.value("wait-timeout", "S", "Seconds to wait for busy devices (default 120)."),
                Opts.flag("json", "The result as JSON on stdout; progress goes to stderr."),
                Opts.flag("debug", "Print the per-device [PARALLEL_EXEC] timing lines even when the run passes."));
    }

    private Context ctx;
    private Path plan;
    private boolean json;
    private boolean debug;

    @Override
    public int run(Args args, Context ctx) {
        this.ctx = ctx;
        this.plan = Path.of(args.positional(1, 1, "PLAN: the plan file to run").getFirst());
        this.json = args.flag("json");
        this.debug = args.flag("debug");
        PrintStream progress = json ? ctx.err() : ctx.out();
        var notAPlan = PlanFile.problem(plan);
        if (notAPlan.isPresent()) return Errors.report(ctx, notAPlan.get(), json);
        Map<String, String> specs = DeviceFlags.parse(args.values("device"));
        Long waitSeconds = args.longValue("wait-timeout");
        long waitMs = args.flag("no-wait") ? 0 : waitSeconds != null ? waitSeconds * 1000 : RunRequest.DEFAULT_WAIT_MS;
        Path output = Path.of(args.value("output", "tandem-out"));
        String strategy = args.value("abort-strategy");
        AbortStrategy abort = strategy == null ? null : AbortStrategy.byName(strategy).orElseThrow(() -> new TandemException(
                ErrorCode.USAGE, "--abort-strategy must be immediate or finish-current-step, not '" + strategy + "'"));
        RunRequest req = new RunRequest(plan.toAbsolutePath().toString(), specs, args.value("platform"),
                abort, args.intValue("start-step"), output.toAbsolutePath().toString(), waitMs,
                ProcessHandle.current().pid(), args.intValue("runner-port"), Opts.absolute(args.values("app")), null,
                ParamFlags.parse(args.values("env")), System.getenv(), Opts.screenshotMode(args));
        Style style = new Style(!json && ctx.ansi());
        try (TandemClient d = ctx.daemon(json)) {
            RunRenderer renderer = !json && ctx.ansi() ? new LiveRenderer(progress, style) : new PlainRenderer(progress, style);
            Set<String> preparing = new HashSet<>();
            RunOutcome outcome;
            try {
                outcome = d.run(req, e -> show(e, renderer, style, preparing));
            } finally {
                renderer.close();
            }
            return switch (outcome) {
                case RunOutcome.Invalid v -> Errors.validation(ctx, plan.toString(), v.validation().errors(),
                        v.validation().moreErrors() == null ? 0 : v.validation().moreErrors(), json);
                case RunOutcome.Refused r -> Errors.report(ctx, r.error(), json);
                case RunOutcome.Finished f -> RunSummary.finish(ctx.out(), f.result(), f.dir(), f.exitCode(), json, debug, style, progress);
                case RunOutcome.SuiteFinished f -> f.exitCode();
                case RunOutcome.Ended e -> e.exitCode();
            };
        }
    }

    /** Progress as the events arrive; the end is rendered from the outcome. */
    private static void show(RunEvent event, RunRenderer renderer, Style style, Set<String> preparing) {
        switch (event) {
            case RunEvent.Validation v -> renderer.close();
            case RunEvent.Error e -> renderer.close();
            case RunEvent.Allocated a -> {
                renderer.onEvent(a);
                renderer.line(RunSummary.header(a, style));
            }
            case RunEvent.Queued q -> renderer.line(style.yellow("  ⧗ " + q.message()));
            case RunEvent.Runner r -> renderer.line(style.dim(RunSummary.runnerLine(r, preparing)));
            case RunEvent.Step s -> renderer.onEvent(s);
            case RunEvent.Waiting w -> renderer.onEvent(w);
            case RunEvent.Section s -> renderer.onEvent(s);
            case RunEvent.Device d -> renderer.onEvent(d);
            case RunEvent.Result r -> { }
            case RunEvent.Exit x -> renderer.close();
            case RunEvent.Heartbeat h -> { }
            case RunEvent.Suite s -> { }
            case RunEvent.Plan p -> { }
            case RunEvent.SuiteResult r -> { }
        }
    }
}
