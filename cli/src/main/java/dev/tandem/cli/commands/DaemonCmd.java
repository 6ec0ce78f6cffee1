package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.cli.Args;
import dev.tandem.cli.Command;
import dev.tandem.cli.Context;
import dev.tandem.cli.DaemonClient;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.util.Optional;
import org.apache.commons.cli.Options;

/** {@code tandem daemon start|stop|status}. */
public final class DaemonCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("daemon", "Start, stop (with all its runners) or inspect the daemon of this state dir.",
                "start|stop|status [--json]");
    }

    @Override
    public Options options() {
        return Opts.of(Opts.json());
    }

    @Override
    public int run(Args args, Context ctx) throws InterruptedException {
        String action = args.positional(1, 1, "start, stop or status").getFirst();
        boolean json = args.flag("json");
        return switch (action) {
            case "start" -> start(ctx);
            case "stop" -> stop(ctx);
            case "status" -> status(ctx, json);
            default -> throw new TandemException(ErrorCode.USAGE, "daemon takes start, stop or status, not '" + action + "'");
        };
    }

    private static int start(Context ctx) {
        try (DaemonClient d = ctx.daemon(false)) {
            ctx.out().println("daemon running: pid " + d.info().pid() + " on 127.0.0.1:" + d.info().port());
            return 0;
        }
    }

    private static int stop(Context ctx) throws InterruptedException {
        Optional<DaemonClient> d = DaemonClient.find(ctx.state());
        if (d.isEmpty()) {
            ctx.out().println("no daemon running for " + ctx.state().root());
            return 0;
        }
        try (DaemonClient c = d.get()) {
            long pid = c.info().pid();
            boolean gone = c.shutdownAndWait(30_000);
            ctx.out().println(gone ? "daemon stopped (pid " + pid + "), its runners with it"
                    : "daemon (pid " + pid + ") is still stopping");
            return gone ? 0 : 3;
        }
    }

    private static int status(Context ctx, boolean json) {
        Optional<DaemonClient> d = DaemonClient.find(ctx.state());
        if (d.isEmpty()) {
            // like `systemctl status`: not running is a non-zero answer scripts can test
            ctx.out().println(json ? "{\"running\":false}" : "no daemon running for " + ctx.state().root()
                    + " (the next command starts one, or `tandem daemon start`)");
            return ErrorCode.DAEMON_UNAVAILABLE.exitCode();
        }
        try (DaemonClient c = d.get()) {
            ObjectNode s = (ObjectNode) c.get("/v1/status");
            if (json) {
                ctx.out().println(Json.pretty(s.put("running", true).put("port", c.info().port())));
            } else {
                ctx.out().println("daemon " + s.path("version").asText() + " running: pid " + s.path("pid").asText()
                        + " on 127.0.0.1:" + c.info().port() + ", " + s.path("activeRuns").asInt() + " active runs, "
                        + s.path("runners").asInt() + " runners, state dir " + s.path("home").asText());
            }
            return 0;
        }
    }
}
