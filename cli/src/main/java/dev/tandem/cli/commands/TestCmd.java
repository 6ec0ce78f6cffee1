package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.Args;
import dev.tandem.cli.Command;
import dev.tandem.cli.Context;
import dev.tandem.cli.DaemonClient;
import dev.tandem.cli.Errors;
import dev.tandem.cli.render.RunSummary;
import dev.tandem.cli.render.Style;
import dev.tandem.daemon.run.RunRequest;
import dev.tandem.daemon.suite.SuiteRequest;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.http.LoopbackHttpClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.Options;

/** {@code tandem test PATH…}: a suite of plans over N devices, one merged junit.xml and results.json. */
public final class TestCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("test", "Run many plans (files or directories) sharded over several devices.",
                "PATH… [--shards N] [--shard-mode split|all] [--shard-index I --shard-total T] [options]");
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
                Opts.value("o", "output", "DIR", "Where the suite directory goes (default: tandem-out)."),
                Opts.value("wait-timeout", "S", "Seconds to wait for busy devices (default 120)."),
                Opts.flag("json", "The merged result as JSON on stdout; progress goes to stderr."));
    }

    @Override
    public int run(Args args, Context ctx) {
        boolean json = args.flag("json");
        List<String> paths = args.positional(1, Integer.MAX_VALUE, "PATH: plan files or directories");
        Path cwd = Path.of("").toAbsolutePath();
        Long wait = args.longValue("wait-timeout");
        SuiteRequest req = new SuiteRequest(paths.stream().map(p -> cwd.resolve(p).toString()).toList(), cwd.toString(),
                args.intValue("shards"), args.value("shard-mode"), args.intValue("shard-index"), args.intValue("shard-total"),
                args.value("device"), args.value("platform"), cwd.resolve(args.value("output", "tandem-out")).toString(),
                wait != null ? wait * 1000 : RunRequest.DEFAULT_WAIT_MS, ProcessHandle.current().pid(),
                Opts.absolute(args.values("app")));
        PrintStream progress = json ? ctx.err() : ctx.out();
        Style s = new Style(!json && ctx.ansi());
        try (DaemonClient d = ctx.daemon(json); LoopbackHttpClient.Streaming stream = d.stream("/v1/suites", req)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            JsonNode summary = null;
            java.util.Set<String> preparing = new java.util.HashSet<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode e = Json.tree(line.getBytes(StandardCharsets.UTF_8));
                switch (e.path("event").asText()) {
                    case "validation" -> {
                        return RunSummary.validation(ctx, Path.of(paths.getFirst()), e.path("errors"), e.path("moreErrors").asInt(), json);
                    }
                    case "error" -> {
                        return Errors.report(ctx, Json.convert(e.path("error"), ErrorInfo.class), json);
                    }
                    case "suite" -> {
                        progress.println(s.bold("▶ " + e.path("plans").asInt() + " plans") + " on " + e.path("shards").size()
                                + " shard(s)" + s.dim("  (suite " + e.path("suiteId").asText() + ")"));
                        for (JsonNode sh : e.path("shards")) {
                            progress.println(s.dim("  shard " + sh.path("shard").asInt() + ": " + sh.path("plans").size()
                                    + (sh.path("plans").size() == 1 ? " plan" : " plans")));
                        }
                    }
                    case "plan" -> {
                        if (e.path("phase").asText().equals("end")) progress.println(planLine(e, s));
                    }
                    case "queued" -> progress.println(s.yellow("  ⧗ " + e.path("message").asText()));
                    case "runner" -> progress.println(s.dim(RunSummary.runnerLine(e, preparing)));
                    case "suite-result" -> summary = e;
                    case "exit" -> {
                        return finish(ctx, summary, e.path("exitCode").asInt(ErrorCategory.INFRASTRUCTURE.exitCode()), json, s, progress);
                    }
                    default -> { }
                }
            }
            if (summary != null) return finish(ctx, summary, summary.path("exitCode").asInt(), json, s, progress);
        } catch (IOException e) {
            // the stream broke: reported below
        }
        return Errors.report(ctx, new TandemException(ErrorCode.DAEMON_UNAVAILABLE,
                "the daemon stopped answering during the suite; see " + ctx.state().logs().resolve("daemon.log")), json);
    }

    private static String planLine(JsonNode e, Style s) {
        String status = e.path("status").asText();
        String mark = status.equals("passed") ? s.green("✓") : s.red("✗");
        String line = mark + " " + e.path("plan").asText() + s.dim("  " + devices(e.path("devices")) + " · "
                + String.format(Locale.ROOT, "%.2f s", e.path("durationMs").asLong() / 1000.0));
        JsonNode root = e.path("rootCause");
        if (!status.equals("passed") && !root.isMissingNode()) {
            line += "\n    " + s.red(root.path("failure").path("code").asText()) + " at plan step "
                    + root.path("failure").path("planStep").asInt() + ": " + root.path("failure").path("message").asText();
        }
        return line;
    }

    /** The devices a plan ran on: {@code sim-3} for a single-device plan, {@code A=sim-4 B=sim-5} otherwise. */
    static String devices(JsonNode byLabel) {
        List<String> parts = new java.util.ArrayList<>();
        byLabel.fields().forEachRemaining(f -> parts.add(f.getKey().equals("default") ? f.getValue().asText()
                : f.getKey() + "=" + f.getValue().asText()));
        return parts.isEmpty() ? "no device" : String.join(" ", parts);
    }

    private static int finish(Context ctx, JsonNode event, int exit, boolean json, Style s, PrintStream progress) {
        if (event == null) return exit;
        JsonNode sum = event.path("summary");
        if (json) {
            ctx.out().println(Json.pretty(((com.fasterxml.jackson.databind.node.ObjectNode) sum.deepCopy())
                    .put("dir", event.path("dir").asText()).put("exitCode", exit)));
        }
        String status = sum.path("status").asText();
        String word = status.equals("passed") ? s.green("PASSED") : status.equals("error") ? s.red("ERROR") : s.red("FAILED");
        progress.println(word + " · " + sum.path("passed").asInt() + " of " + sum.path("plans").asInt() + " plans passed · "
                + sum.path("shards").size() + " shard(s) · " + String.format(Locale.ROOT, "%.2f s", sum.path("durationMs").asLong() / 1000.0));
        Path dir = Path.of(event.path("dir").asText());
        progress.println(s.dim("  results: " + dir.resolve("results.json") + " · " + dir.resolve("junit.xml")));
        return exit;
    }
}
