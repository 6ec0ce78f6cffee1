package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.api.StatusReply;
import dev.tandem.protocol.ErrorCategory;
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
        try (TandemClient d = ctx.daemon(false)) {
            ctx.out().println("daemon running: pid " + d.info().pid() + " on 127.0.0.1:" + d.info().port());
            return ErrorCategory.PASSED_EXIT_CODE;
        }
    }

    private static int stop(Context ctx) throws InterruptedException {
        Optional<TandemClient> d = TandemClient.findLive(ctx.state());
        if (d.isEmpty()) {
            Optional<Long> stuck = TandemClient.lockHolder(ctx.state());
            if (stuck.isPresent()) return stopUnanswering(ctx, stuck.get());
            ctx.out().println("no daemon running for " + ctx.state().root());
            return ErrorCategory.PASSED_EXIT_CODE;
        }
        try (TandemClient c = d.get()) {
            long pid = c.info().pid();
            boolean gone = c.shutdownAndWait(30_000);
            ctx.out().println(gone ? "daemon stopped (pid " + pid + "), its runners with it"
                    : "daemon (pid " + pid + ") is still stopping");
            return gone ? ErrorCategory.PASSED_EXIT_CODE : ErrorCode.DAEMON_UNAVAILABLE.exitCode();
        }
    }

    /** A daemon that holds daemon.lock but does not answer: SIGTERM (its hook stops its runners), then SIGKILL. */
    private static int stopUnanswering(Context ctx, long pid) throws InterruptedException {
        var ph = ProcessHandle.of(pid).filter(p -> p.info().commandLine().map(c -> c.contains("dev.tandem.daemon.DaemonMain"))
                .orElse(false));
        if (ph.isEmpty()) {
            throw new TandemException(ErrorCode.DAEMON_UNAVAILABLE, "process " + pid + " holds " + ctx.state().daemonLock()
                    + " but is not a Tandem daemon; stop it yourself");
        }
        ph.get().destroy();
        boolean gone = awaitExit(ph.get(), 30_000);
        if (!gone) {
            ph.get().destroyForcibly();
            gone = awaitExit(ph.get(), 5_000);
        }
        ctx.out().println(gone ? "daemon stopped (pid " + pid + ", it did not answer its API)" : "daemon (pid " + pid + ") is still stopping");
        return gone ? ErrorCategory.PASSED_EXIT_CODE : ErrorCode.DAEMON_UNAVAILABLE.exitCode();
    }

    private static boolean awaitExit(ProcessHandle p, long ms) throws InterruptedException {
        try {
            p.onExit().get(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !p.isAlive();
        }
    }

    private static int status(Context ctx, boolean json) throws InterruptedException {
        Optional<TandemClient> d = TandemClient.findLive(ctx.state());
        if (d.isEmpty() && TandemClient.lockHolder(ctx.state()).isPresent()) {
            long pid = TandemClient.lockHolder(ctx.state()).get();
            ctx.out().println(json ? "{\"running\":true,\"answering\":false,\"pid\":" + pid + "}"
                    : "a daemon (pid " + pid + ") holds " + ctx.state().daemonLock() + " but does not answer; `tandem daemon stop` ends it");
            return ErrorCode.DAEMON_UNAVAILABLE.exitCode();
        }
        if (d.isEmpty()) {
            // like `systemctl status`: not running is a non-zero answer scripts can test
            ctx.out().println(json ? "{\"running\":false}" : "no daemon running for " + ctx.state().root()
                    + " (the next command starts one, or `tandem daemon start`)");
            return ErrorCode.DAEMON_UNAVAILABLE.exitCode();
        }
        try (TandemClient c = d.get()) {
            StatusReply s = c.status();
            if (json) {
                ctx.out().println(Json.pretty(((ObjectNode) Json.toTree(s)).put("running", true).put("port", c.info().port())));
            } else {
                ctx.out().println("daemon " + s.version() + " running: pid " + s.pid()
                        + " on 127.0.0.1:" + c.info().port() + ", " + s.activeRuns() + " active runs, "
                        + s.runners() + " runners, state dir " + s.home());
            }
            return ErrorCategory.PASSED_EXIT_CODE;
        }
    }
}
