package dev.tandem.cli.commands;

import dev.tandem.client.TandemClient;
import dev.tandem.protocol.api.SessionsReply;
import com.fasterxml.jackson.databind.JsonNode;
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
        java.util.Optional<TandemClient> found = TandemClient.find(ctx.state());
        if (found.isEmpty()) {
            ctx.out().println(json ? "{\"running\":false,\"leases\":[],\"runners\":[]}"
                    : "no daemon running for " + ctx.state().root() + ": no leases, no runners");
            return ErrorCategory.PASSED_EXIT_CODE;
        }
        try (TandemClient d = found.get()) {
            SessionsReply s = d.sessions();
            if (json) {
                ctx.out().println(Json.pretty(s));
                return ErrorCategory.PASSED_EXIT_CODE;
            }
            ctx.out().println("LEASES");
            if (s.leases().isEmpty()) ctx.out().println("  (none)");
            for (SessionsReply.Lease l : s.leases()) {
                // the devices as compact JSON, as this line always showed them
                ctx.out().println("  " + l.kind().wire() + " " + l.owner() + " pid " + l.ownerPid() + " → " + Json.text(l.devices()));
            }
            ctx.out().println("RUNNERS");
            if (s.runners().isEmpty()) ctx.out().println("  (none)");
            for (SessionsReply.Runner r : s.runners()) {
                ctx.out().printf("  %-8s pid %-7s port %-6s boot %s artifact %s%s, idle %d s%n", r.device(),
                        r.pid(), r.port(), r.bootId(), r.artifactKey(), r.adopted() ? " (adopted)" : "",
                        r.idleMs() / 1000);
            }
            return ErrorCategory.PASSED_EXIT_CODE;
        }
    }
}
