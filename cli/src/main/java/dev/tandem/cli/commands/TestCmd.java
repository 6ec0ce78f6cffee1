package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.cli.render.RunSummary;
import dev.tandem.cli.render.Style;
import dev.tandem.client.RunOutcome;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.api.ShardMode;
import dev.tandem.protocol.api.SuiteRequest;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.Options;

/** {@code tandem test PATH…}: a suite of plans over N devices, one merged junit.xml and results.json. */
public final class TestCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("test", "Run many plans (files or directories) sharded over several devices.",
                "PATH… [--shards N] [--shard-mode split|all] [--shard-index I --shard-total T] [--retries N] [options]");
    }

    @Override
    public Options options() {
        return Opts.of(
                Opts.value("shards", "N", "Plans run at once (default 1); each plan gets the devices it needs "
                        + "(one per label) while it runs."),
                Opts.value("shard-mode", "MODE", "split: balance plans over the shards by recorded durations (default); "
                        + "all: run every plan on each shard."),
                Opts.value("shard-index", "I", "With --shard-total: run only this CI node's share (0-based)."),
                Opts.value("shard-total", "T", "Number of CI nodes the suite is partitioned over (by path)."),
                Opts.value("d", "device", "SPEC", "The device single-device plans run on: sim (default), web, web:PROFILE."),
                Opts.value("platform", "P", "Default platform: sim or web."),
                Opts.value("app", "FILE", "An app definition (YAML, see docs/apps.md) installed on the sim devices of every "
                        + "plan for its run (repeatable)."),
                ParamFlags.option(),
                Opts.value("tags", "TAGS", "Run only the plans with one of these tags; a '!' excludes: --tags smoke,!slow "
                        + "(a plan's tags are its tags: list)."),
                Opts.value("o", "output", "DIR", "Where the suite directory goes (default: tandem-out)."),
                Opts.value("wait-timeout", "S", "Seconds to wait for busy devices (default 120)."),
                Opts.value("retries", "N", "Rerun a failed plan up to N times on any fitting free device (default: the plan's "
                        + "`retries`, else 0); a plan that passes on a rerun is flaky."),
                Opts.flag("fail-on-flaky", "A flaky plan fails the suite (exit 1) instead of counting as passed."),
                Opts.screenshots(),
                Opts.flag("json", "The merged result as JSON on stdout; progress goes to stderr."));
    }

    @Override
    public int run(Args args, Context ctx) {
        boolean json = args.flag("json");
        List<String> paths = args.positional(1, Integer.MAX_VALUE, "PATH: plan files or directories");
        Path cwd = Path.of("").toAbsolutePath();
        Long wait = args.longValue("wait-timeout");
        String modeArg = args.value("shard-mode");
        ShardMode mode = modeArg == null ? null : ShardMode.byName(modeArg).orElseThrow(() -> new TandemException(ErrorCode.USAGE,
                "--shard-mode must be split or all, not '" + modeArg + "'"));
        SuiteRequest req = new SuiteRequest(paths.stream().map(p -> cwd.resolve(p).toString()).toList(), cwd.toString(),
                args.intValue("shards"), mode, args.intValue("shard-index"), args.intValue("shard-total"),
                args.value("device"), args.value("platform"), cwd.resolve(args.value("output", "tandem-out")).toString(),
                wait != null ? wait * 1000 : RunRequest.DEFAULT_WAIT_MS, ProcessHandle.current().pid(),
                Opts.absolute(args.values("app")), args.value("tags"), ParamFlags.parse(args.values("env")), System.getenv(),
                Opts.screenshotMode(args), args.intValue("retries"), args.flag("fail-on-flaky"));
        dev.tandem.plan.TagFilter.parse(req.tags()); // a malformed filter is a usage error before a daemon starts
        PrintStream progress = json ? ctx.err() : ctx.out();
        Style s = new Style(!json && ctx.ansi());
        Set<String> preparing = new HashSet<>();
        try (TandemClient d = ctx.daemon(json)) {
            RunOutcome outcome = d.suite(req, e -> show(e, s, progress, preparing));
            return switch (outcome) {
                case RunOutcome.Invalid v -> Errors.validation(ctx, paths.getFirst(), v.validation().errors(),
                        v.validation().moreErrors() == null ? 0 : v.validation().moreErrors(), json);
                case RunOutcome.Refused r -> Errors.report(ctx, r.error(), json);
                case RunOutcome.SuiteFinished f -> finish(ctx, f, json, s, progress);
                case RunOutcome.Finished f -> f.exitCode();
                case RunOutcome.Ended e -> e.exitCode();
            };
        }
    }

    private static void show(RunEvent event, Style s, PrintStream progress, Set<String> preparing) {
        switch (event) {
            case RunEvent.Suite e -> {
                progress.println(s.bold("▶ " + e.plans() + " plans") + " on " + e.shards().size()
                        + " shard(s)" + s.dim("  (suite " + e.suiteId() + ")"));
                for (RunEvent.Suite.Shard sh : e.shards()) {
                    progress.println(s.dim("  shard " + sh.shard() + ": " + sh.plans().size()
                            + (sh.plans().size() == 1 ? " plan" : " plans")));
                }
            }
            case RunEvent.Plan e -> {
                if (e.phase() == RunEvent.Phase.END) progress.println(planLine(e, s));
            }
            case RunEvent.Queued e -> progress.println(s.yellow("  ⧗ " + e.message()));
            case RunEvent.Runner e -> progress.println(s.dim(RunSummary.runnerLine(e, preparing)));
            case RunEvent.Validation e -> { }
            case RunEvent.Error e -> { }
            case RunEvent.SuiteResult e -> { }
            case RunEvent.Exit e -> { }
            case RunEvent.Allocated e -> { }
            case RunEvent.Step e -> { }
            case RunEvent.Waiting e -> { }
            case RunEvent.Section e -> { }
            case RunEvent.Device e -> { }
            case RunEvent.Result e -> { }
            case RunEvent.Heartbeat e -> { }
        }
    }

    private static String planLine(RunEvent.Plan e, Style s) {
        boolean passed = e.status() == RunStatus.PASSED;
        boolean retrying = Boolean.TRUE.equals(e.retrying());
        String mark = retrying ? s.yellow("↻") : e.flaky() ? s.yellow("✓") : passed ? s.green("✓") : s.red("✗");
        String line = mark + " " + e.plan() + (e.flaky() ? s.yellow("  flaky: passed on attempt " + e.attempt()) : "")
                + (retrying ? s.yellow("  attempt " + e.attempt() + " failed; rerunning") : "") + s.dim("  " + devices(e.devices()) + " · "
                + String.format(Locale.ROOT, "%.2f s", (e.durationMs() == null ? 0 : e.durationMs()) / 1000.0));
        RunResult.RootCause root = e.rootCause();
        if (!passed && root != null) {
            line += "\n    " + s.red(String.valueOf(root.failure().code())) + " at plan step "
                    + root.failure().planStep() + ": " + root.failure().message();
        }
        return line;
    }

    /** The devices a plan ran on: {@code sim-3} for a single-device plan, {@code A=sim-4 B=sim-5} otherwise. */
    static String devices(Map<String, String> byLabel) {
        List<String> parts = new java.util.ArrayList<>();
        if (byLabel != null) byLabel.forEach((label, id) -> parts.add(label.equals("default") ? id : label + "=" + id));
        return parts.isEmpty() ? "no device" : String.join(" ", parts);
    }

    private static int finish(Context ctx, RunOutcome.SuiteFinished f, boolean json, Style s, PrintStream progress) {
        RunEvent.SuiteSummary sum = f.summary();
        int exit = f.exitCode();
        if (json) {
            ctx.out().println(Json.pretty(((ObjectNode) Json.toTree(sum)).put("dir", f.dir()).put("exitCode", exit)));
        }
        String word = sum.status() == RunStatus.PASSED ? s.green("PASSED") : sum.status() == RunStatus.ERROR ? s.red("ERROR")
                : s.red("FAILED");
        progress.println(word + " · " + sum.passed() + " of " + sum.plans() + " plans passed"
                + (sum.flaky() > 0 ? " (" + sum.flaky() + " flaky)" : "") + " · "
                + sum.shards().size() + " shard(s) · " + String.format(Locale.ROOT, "%.2f s", sum.durationMs() / 1000.0));
        Path dir = Path.of(f.dir());
        progress.println(s.dim("  results: " + dir.resolve("results.json") + " · " + dir.resolve("junit.xml") + " · "
                + dir.resolve("report.html")));
        return exit;
    }
}
