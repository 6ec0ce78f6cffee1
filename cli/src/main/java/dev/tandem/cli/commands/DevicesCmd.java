package dev.tandem.cli.commands;

import dev.tandem.cli.render.Style;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.api.DevicesReply;
import java.io.PrintStream;
import org.apache.commons.cli.Options;

/** {@code tandem devices}: the devices the daemon offers and who holds them, then why some are missing. */
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
            render(d.devices(), json, new Style(!json && ctx.ansi()), ctx.out(), ctx.err());
            return ErrorCategory.PASSED_EXIT_CODE;
        }
    }

    /**
     * The table, then the daemon's notes (one dimmed line each). With {@code --json} stdout stays
     * what scripts read, the array of devices; the notes go to stderr, one line each, like every
     * other human line of a {@code --json} command.
     */
    static void render(DevicesReply reply, boolean json, Style style, PrintStream out, PrintStream err) {
        if (json) {
            out.println(Json.pretty(reply.devices()));
            reply.notes().forEach(err::println);
            return;
        }
        // ids of discovered devices (android-emulator-5554) are longer than sim-1: the column grows with them
        int idWidth = Math.max(8, reply.devices().stream().mapToInt(dev -> dev.id().length()).max().orElse(0));
        int platformWidth = Math.max(9, reply.devices().stream().mapToInt(dev -> dev.platform().length()).max().orElse(0));
        String row = "%-" + idWidth + "s %-" + platformWidth + "s %-10s %-16s %s%n";
        out.printf(row, "DEVICE", "PLATFORM", "PROFILE", "RUNNER", "STATE");
        for (DevicesReply.Device dev : reply.devices()) {
            String state = dev.state().wire();
            if (dev.state() == DevicesReply.DeviceState.BUSY) state += " (" + holder(dev.run()) + ", pid " + dev.ownerPid() + ")";
            String runner = dev.runner().wire();
            if (dev.runnerPid() != null) runner += " pid " + dev.runnerPid();
            out.printf(row, dev.id(), dev.platform(), dev.profile() == null ? "" : dev.profile(), runner, state);
        }
        if (reply.notes().isEmpty()) return;
        out.println();
        reply.notes().forEach(n -> out.println(style.dim(n)));
    }

    /** Who holds a device: a run by its id, a client lease by its owner ({@code mcp claude-code (lease 2)}). */
    static String holder(String owner) {
        return owner != null && owner.contains("(lease ") ? owner : "run " + owner;
    }
}
