package dev.tandem.cli.commands;

import dev.tandem.client.LeanWire;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCategory;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.LeanJson;
import dev.tandem.protocol.TandemException;
import java.io.PrintStream;
import org.apache.commons.cli.Options;

/**
 * {@code tandem snapshot --device D}: the UI tree, one line per element with its ref, role, text
 * and id. A look, not a mutation: it works while a run holds the device.
 */
public final class SnapshotCmd implements Command {
    @Override
    public Spec spec() {
        return new Spec("snapshot", "Print a device's UI tree (works while a run holds the device).",
                "--device D [--json]");
    }

    @Override
    public Options options() {
        return Opts.of(Opts.value("d", "device", "D", "Device id, e.g. sim-1 (see `tandem devices`)."),
                flagJsonTree());
    }

    private static org.apache.commons.cli.Option flagJsonTree() {
        return Opts.flag("json", "The full tree as JSON.");
    }

    @Override
    public int run(Args args, Context ctx) {
        String device = args.value("device");
        if (device == null) throw new TandemException(ErrorCode.USAGE, "snapshot needs --device D (see `tandem devices`)");
        boolean json = args.flag("json");
        try (TandemClient d = ctx.daemon(json)) {
            Snapshot snap = d.snapshot(device);
            PrintStream out = ctx.out();
            if (json) {
                out.println(LeanJson.pretty(LeanWire.tree(snap))); // no ObjectMapper on this path (see LeanJson)
                return ErrorCategory.PASSED_EXIT_CODE;
            }
            boolean home = snap.app() == null;
            out.println(device + " · " + (home ? "home screen" : snap.app() + " · " + snap.screen())
                    + " · " + snap.width() + "x" + snap.height());
            print(out, snap.root(), 0);
            return ErrorCategory.PASSED_EXIT_CODE;
        }
    }

    private static void print(PrintStream out, UiNode n, int depth) {
        if (n == null) return;
        StringBuilder sb = new StringBuilder("  ".repeat(depth));
        if (n.ref() != null) sb.append('@').append(n.ref()).append(' ');
        sb.append(n.describe()); // role "text" #id, on one line
        if (n.checked() != null) sb.append(n.checked() ? " [checked]" : " [unchecked]");
        if (n.focused()) sb.append(" [focused]");
        if (!n.enabled()) sb.append(" [disabled]");
        out.println(sb);
        for (UiNode c : n.children()) print(out, c, depth + 1);
    }
}
