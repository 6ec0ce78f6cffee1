package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.Args;
import dev.tandem.cli.Command;
import dev.tandem.cli.Context;
import dev.tandem.cli.DaemonClient;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.Json;
import org.apache.commons.cli.Options;

/** {@code tandem sessions}: leases and runners. */
public final class SessionsCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("sessions", "List device leases (who holds which device) and runner processes.",
                "[--json]");
    }

    @Override
    public Options options() {
        return Opts.of(Opts.json());
    }

    @Override
    public int run(Args args, Context ctx) {
        boolean json = args.flag("json");
        // listing sessions never starts a daemon: none running means nothing is held
        java.util.Optional<DaemonClient> found = DaemonClient.find(ctx.state());
        if (found.isEmpty()) {
            ctx.out().println(json ? "{\"running\":false,\"leases\":[],\"runners\":[]}"
                    : "no daemon running for " + ctx.state().root() + ": no leases, no runners");
            return ErrorCategory.PASSED_EXIT_CODE;
        }
        try (DaemonClient d = found.get()) {
            JsonNode s = d.get("/v1/sessions");
            if (json) {
                ctx.out().println(Json.pretty(s));
                return ErrorCategory.PASSED_EXIT_CODE;
            }
            ctx.out().println("LEASES");
            if (s.path("leases").isEmpty()) ctx.out().println("  (none)");
            for (JsonNode l : s.path("leases")) {
                ctx.out().println("  " + l.path("kind").asText() + " " + l.path("owner").asText() + " pid "
                        + l.path("ownerPid").asText() + " → " + l.path("devices"));
            }
            ctx.out().println("RUNNERS");
            if (s.path("runners").isEmpty()) ctx.out().println("  (none)");
            for (JsonNode r : s.path("runners")) {
                ctx.out().printf("  %-8s pid %-7s port %-6s boot %s artifact %s%s, idle %d s%n", r.path("device").asText(),
                        r.path("pid").asText(), r.path("port").asText(), r.path("bootId").asText(),
                        r.path("artifactKey").asText(), r.path("adopted").asBoolean() ? " (adopted)" : "",
                        r.path("idleMs").asLong() / 1000);
            }
            return ErrorCategory.PASSED_EXIT_CODE;
        }
    }
}
