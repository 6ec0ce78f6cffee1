package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.Args;
import dev.tandem.cli.Command;
import dev.tandem.cli.Context;
import dev.tandem.cli.DaemonClient;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.Json;
import org.apache.commons.cli.Options;

/** {@code tandem devices}: the devices the daemon offers and who holds them. */
public final class DevicesCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("devices", "List devices, their runners and who holds them.",
                "[--json]");
    }

    @Override
    public Options options() {
        return Opts.of(Opts.json());
    }

    @Override
    public int run(Args args, Context ctx) {
        boolean json = args.flag("json");
        try (DaemonClient d = ctx.daemon(json)) {
            JsonNode list = d.get("/v1/devices").path("devices");
            if (json) {
                ctx.out().println(Json.pretty(list));
                return ErrorCategory.PASSED_EXIT_CODE;
            }
            ctx.out().printf("%-8s %-9s %-10s %-16s %s%n", "DEVICE", "PLATFORM", "PROFILE", "RUNNER", "STATE");
            for (JsonNode dev : list) {
                String state = dev.path("state").asText();
                if (state.equals("busy")) state += " (run " + dev.path("run").asText() + ", pid " + dev.path("ownerPid").asText() + ")";
                String runner = dev.path("runner").asText();
                if (dev.has("runnerPid")) runner += " pid " + dev.path("runnerPid").asText();
                ctx.out().printf("%-8s %-9s %-10s %-16s %s%n", dev.path("id").asText(), dev.path("platform").asText(),
                        dev.path("profile").asText(), runner, state);
            }
            return ErrorCategory.PASSED_EXIT_CODE;
        }
    }
}
