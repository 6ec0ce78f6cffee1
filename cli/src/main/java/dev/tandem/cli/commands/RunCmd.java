package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.DaemonClient;
import dev.tandem.cli.DeviceFlags;
import dev.tandem.cli.Errors;
import dev.tandem.cli.Args;
import dev.tandem.cli.Command;
import dev.tandem.cli.Context;
import dev.tandem.cli.render.LiveRenderer;
import dev.tandem.cli.render.PlainRenderer;
import dev.tandem.cli.render.RunRenderer;
import dev.tandem.cli.render.RunSummary;
import dev.tandem.cli.render.Style;
import dev.tandem.daemon.run.RunRequest;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.http.LoopbackHttpClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.Options;

/** {@code tandem run PLAN}: runs one plan on its devices, showing progress; writes results.json and junit.xml. */
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
                Opts.value("platform", "P", "Default platform for labels without --device: sim (default) or web."),
                Opts.value("app", "FILE", "An app definition (YAML, see docs/apps.md) installed on the run's sim devices "
                        + "for this run, beside the built-in apps (repeatable)."),
                Opts.value("abort-strategy", "S", "immediate | finish-current-step (default: the plan's, else immediate)."),
                Opts.value("start-step", "N", "Skip top-level steps with a plan index below N (0-based)."),
                Opts.value("o", "output", "DIR", "Where run directories go (default: tandem-out)."),
                Opts.value("runner-port", "PORT", "Run the device's runner on this 127.0.0.1 port (one-device runs); "
                        + "a taken port is an error, never silently another one."),
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
        var notAPlan = dev.tandem.cli.PlanFile.problem(plan);
        if (notAPlan.isPresent()) return Errors.report(ctx, notAPlan.get(), json);
        Map<String, String> specs = DeviceFlags.parse(args.values("device"));
        Long waitSeconds = args.longValue("wait-timeout");
        long waitMs = args.flag("no-wait") ? 0 : waitSeconds != null ? waitSeconds * 1000 : RunRequest.DEFAULT_WAIT_MS;
        Path output = Path.of(args.value("output", "tandem-out"));
        RunRequest req = new RunRequest(plan.toAbsolutePath().toString(), specs, args.value("platform"),
                args.value("abort-strategy"), args.intValue("start-step"), output.toAbsolutePath().toString(), waitMs,
                ProcessHandle.current().pid(), args.intValue("runner-port"), Opts.absolute(args.values("app")));
        Style style = new Style(!json && ctx.ansi());
        try (DaemonClient d = ctx.daemon(json)) {
            RunRenderer renderer = !json && ctx.ansi() ? new LiveRenderer(progress, style) : new PlainRenderer(progress, style);
            try (LoopbackHttpClient.Streaming s = d.stream("/v1/runs", req)) {
                if (s.status() != 200) {
                    throw daemonError(s);
                }
                return consume(s, renderer, style, progress);
            } finally {
                renderer.close();
            }
        }
    }

    private int consume(LoopbackHttpClient.Streaming s, RunRenderer renderer, Style style, PrintStream progress) {
        java.util.Set<String> preparing = new java.util.HashSet<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.body(), StandardCharsets.UTF_8));
        JsonNode result = null;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode e = Json.tree(line.getBytes(StandardCharsets.UTF_8));
                String type = e.path("event").asText();
                switch (type) {
                    case "validation" -> {
                        renderer.close();
                        return RunSummary.validation(ctx, plan, e.path("errors"), e.path("moreErrors").asInt(), json);
                    }
                    case "error" -> {
                        renderer.close();
                        return Errors.report(ctx, Json.convert(e.path("error"), dev.tandem.protocol.ErrorInfo.class), json);
                    }
                    case "allocated" -> {
                        renderer.onEvent(type, e);
                        renderer.line(RunSummary.header(e, style));
                    }
                    case "queued" -> renderer.line(style.yellow("  ⧗ " + e.path("message").asText()));
                    case "runner" -> renderer.line(style.dim(RunSummary.runnerLine(e, preparing)));
                    case "result" -> result = e;
                    case "exit" -> {
                        renderer.close();
                        if (result == null) return e.path("exitCode").asInt(ErrorCategory.INFRASTRUCTURE.exitCode());
                        return RunSummary.finish(ctx, result, json, debug, style, progress);
                    }
                    default -> renderer.onEvent(type, e);
                }
            }
        } catch (IOException e) {
            // the stream broke: handled below
        }
        renderer.close();
        if (result != null) return RunSummary.finish(ctx, result, json, debug, style, progress);
        return Errors.report(ctx, new TandemException(ErrorCode.DAEMON_UNAVAILABLE,
                "the daemon stopped answering during the run; see " + ctx.state().logs().resolve("daemon.log")), json);
    }

    private static TandemException daemonError(LoopbackHttpClient.Streaming s) {
        try {
            JsonNode body = Json.tree(s.body().readAllBytes());
            return new TandemException(ErrorCode.DAEMON_UNAVAILABLE, body.path("error").path("message").asText("HTTP " + s.status()));
        } catch (IOException | RuntimeException e) {
            return new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "the daemon refused the run (HTTP " + s.status() + ")");
        }
    }
}
