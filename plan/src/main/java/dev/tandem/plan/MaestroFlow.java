package dev.tandem.plan;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A Maestro flow file (a header document with {@code appId}, {@code ---}, then a list of steps),
 * or a plan holding Maestro-style steps, converted to the Tandem plan that does the same: what
 * {@code tandem validate --explain} prints for it. Steps Tandem has no tool for stay as comments.
 */
public final class MaestroFlow {
    private MaestroFlow() {}

    /** The header document and the steps of a Maestro file, or null when {@code text} is not one. */
    record Parts(YNode.Map header, YNode.Seq steps) {}

    /** Whether the text is a Maestro flow file: two documents, a mapping header then a list of steps. */
    static Parts parts(String text, String file) {
        List<YNode> docs = new ArrayList<>();
        try {
            for (Node n : new Compose(YamlReader.SETTINGS).composeAllFromString(text)) {
                if (docs.size() == 2) return null;
                docs.add(new YamlExpander(file, new Problems()).convert(n, 0));
            }
        } catch (RuntimeException | StackOverflowError e) {
            return null; // not readable as YAML documents: the plain message stands
        }
        if (docs.size() == 2 && docs.get(0) instanceof YNode.Map h && docs.get(1) instanceof YNode.Seq q) return new Parts(h, q);
        return null;
    }

    /** The appId a Maestro header names, or null. */
    static String appId(YNode.Map header) {
        YNode.Entry e = header.get("appId");
        return e != null && e.value() instanceof YNode.Scalar s ? s.text() : null;
    }

    /**
     * The Tandem plan a Maestro file, or a plan with Maestro-style steps, converts to; null when
     * there is nothing Maestro-like to convert (the plan is shown as it loads instead).
     */
    public static String convert(String text, String file) {
        Parts parts = parts(text, file);
        YNode.Map header;
        YNode.Seq steps;
        if (parts != null) {
            header = parts.header();
            steps = parts.steps();
        } else {
            YNode root = YamlReader.read(text, file, new Problems());
            if (root instanceof YNode.Seq q) {
                header = null;
                steps = q;
            } else if (root instanceof YNode.Map m && m.get("steps") != null && m.get("steps").value() instanceof YNode.Seq q) {
                header = m;
                steps = q;
            } else {
                return null;
            }
            if (steps.items().stream().noneMatch(s -> MaestroHints.command(s) != null)) return null;
        }
        String appId = header == null ? null : appId(header);
        StringBuilder out = new StringBuilder("# ").append(file).append(" converted to a Tandem plan (docs/plan-format.md)\n");
        if (header != null) {
            for (YNode.Entry e : header.entries()) {
                if (e.key().equals("appId") || e.key().equals("steps")) continue;
                String k = e.key().equals("onFlowStart") || e.key().equals("onFlowComplete") ? null : e.key();
                if (k == null) out.append("# not converted: ").append(e.key()).append(" (Tandem has no flow hooks)\n");
                else out.append(YamlText.key(k)).append(": ").append(YamlText.flow(e.value())).append('\n');
            }
        }
        out.append("steps:\n");
        boolean launched = false;
        for (YNode s : steps.items()) {
            String command = MaestroHints.command(s);
            if (command == null) {
                out.append("- ").append(YamlText.flow(s)).append('\n');
                continue;
            }
            String tandem = MaestroHints.convertStep(s, appId);
            if (tandem == null) out.append("# not converted: ").append(YamlText.flow(s)).append(" (Tandem has no tool for '")
                    .append(command).append("')\n");
            else out.append("- ").append(tandem).append('\n');
            launched |= command.equals("launchApp");
        }
        if (!launched && appId != null) out.append("# the header's appId ").append(appId).append(" is launched by a launchApp step\n");
        return out.toString();
    }
}
