package dev.tandem.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.client.TandemClient;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
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
            Snapshot typed = d.snapshot(device);
            // printed from its JSON form: the tree's fields exactly as the device reported them
            JsonNode snap = Json.toTree(typed);
            PrintStream out = ctx.out();
            if (json) {
                out.println(Json.pretty(snap));
                return 0;
            }
            boolean home = !snap.hasNonNull("app");
            out.println(device + " · " + (home ? "home screen" : snap.path("app").asText() + " · " + snap.path("screen").asText())
                    + " · " + snap.path("width").asInt() + "x" + snap.path("height").asInt());
            print(out, snap.path("root"), 0);
            return 0;
        }
    }

    private static void print(PrintStream out, JsonNode n, int depth) {
        StringBuilder sb = new StringBuilder("  ".repeat(depth));
        if (n.hasNonNull("ref")) sb.append('@').append(n.get("ref").asText()).append(' ');
        sb.append(n.path("role").asText("element"));
        if (!n.path("text").asText("").isEmpty()) sb.append(" \"").append(n.get("text").asText()).append('"');
        else if (!n.path("hint").asText("").isEmpty()) sb.append(" hint=\"").append(n.get("hint").asText()).append('"');
        if (!n.path("id").asText("").isEmpty()) sb.append(" #").append(n.get("id").asText());
        if (n.hasNonNull("checked")) sb.append(n.get("checked").asBoolean() ? " [checked]" : " [unchecked]");
        if (n.path("focused").asBoolean()) sb.append(" [focused]");
        if (!n.path("enabled").asBoolean(true)) sb.append(" [disabled]");
        out.println(sb);
        for (JsonNode c : n.path("children")) print(out, c, depth + 1);
    }
}
