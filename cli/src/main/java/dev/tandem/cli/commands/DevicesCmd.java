package dev.tandem.cli.commands;

import dev.tandem.client.TandemClient;
import dev.tandem.protocol.api.DevicesReply;
import com.fasterxml.jackson.databind.JsonNode;
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
        try (TandemClient d = ctx.daemon(json)) {
            java.util.List<DevicesReply.Device> list = d.devices().devices();
            if (json) {
                ctx.out().println(Json.pretty(list));
                return ErrorCategory.PASSED_EXIT_CODE;
            }
            ctx.out().printf("%-8s %-9s %-10s %-16s %s%n", "DEVICE", "PLATFORM", "PROFILE", "RUNNER", "STATE");
            for (DevicesReply.Device dev : list) {
                String state = dev.state().wire();
                if (dev.state() == DevicesReply.DeviceState.BUSY) state += " (run " + dev.run() + ", pid " + dev.ownerPid() + ")";
                String runner = dev.runner().wire();
                if (dev.runnerPid() != null) runner += " pid " + dev.runnerPid();
                ctx.out().printf("%-8s %-9s %-10s %-16s %s%n", dev.id(), dev.platform(),
                        dev.profile() == null ? "" : dev.profile(), runner, state);
            }
            return ErrorCategory.PASSED_EXIT_CODE;
        }
    }
}
