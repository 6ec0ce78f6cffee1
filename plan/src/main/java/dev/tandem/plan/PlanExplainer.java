package dev.tandem.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loaded plan printed back as YAML, as it runs: parameters filled in, sub-flows inlined, each
 * step of a sub-flow with a comment naming where it was written ({@code tandem validate --explain}).
 * The output is itself a plan that loads to the same steps; values from -e and the environment
 * are masked, so it is safe to paste into an issue.
 */
public final class PlanExplainer {
    private PlanExplainer() {}

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(plan.file()).append(" as it runs: parameters filled in, sub-flows inlined\n");
        out.append("name: ").append(YamlText.quote(plan.name())).append('\n');
        if (!plan.tags().isEmpty()) out.append("tags: [").append(String.join(", ", plan.tags().stream().map(YamlText::quote).toList())).append("]\n");
        if (plan.platform() != null) out.append("platform: ").append(plan.platform()).append('\n');
        if (plan.profile() != null) out.append("profile: ").append(YamlText.quote(plan.profile())).append('\n');
        if (plan.abortStrategy() != null) out.append("abortStrategy: ").append(plan.abortStrategy().wireName()).append('\n');
        if (plan.startStep() != null) out.append("startStep: ").append(plan.startStep()).append('\n');
        if (plan.multiDevice()) {
            List<String> devices = new ArrayList<>();
            for (DeviceDecl d : plan.devices()) {
                List<String> keys = new ArrayList<>(List.of("label: " + YamlText.quote(d.label())));
                if (d.platform() != null) keys.add("platform: " + d.platform());
                if (d.profile() != null) keys.add("profile: " + YamlText.quote(d.profile()));
                devices.add("{" + String.join(", ", keys) + "}");
            }
            out.append("devices: [").append(String.join(", ", devices)).append("]\n");
        }
        out.append("steps:\n");
        for (Step s : plan.steps()) step(out, s, "");
        return plan.secrets().mask(out.toString());
    }

    /** One step at {@code indent}; sections and barriers stand only at the top level. */
    private static void step(StringBuilder out, Step s, String indent) {
        switch (s) {
            case ToolStep t -> out.append(indent).append("- ").append(tool(t)).append(source(t.pos())).append('\n');
            case CriticalSection cs -> {
                out.append("- tool: criticalSection").append(source(cs.pos())).append('\n');
                if (cs.lock() != null) out.append("  lock: ").append(YamlText.quote(cs.lock())).append('\n');
                if (cs.label() != null) out.append("  label: ").append(YamlText.quote(cs.label())).append('\n');
                out.append("  timeout: ").append(cs.timeoutMs()).append('\n');
                out.append("  steps:\n");
                for (ToolStep t : cs.steps()) out.append("  - ").append(tool(t)).append(source(t.pos())).append('\n');
            }
            case Barrier b -> out.append("- {tool: barrier, devices: [")
                    .append(String.join(", ", b.devices().stream().map(YamlText::quote).toList())).append("], timeout: ")
                    .append(b.timeoutMs()).append(b.label() == null ? "" : ", label: " + YamlText.quote(b.label())).append("}")
                    .append(source(b.pos())).append('\n');
            case Block b -> block(out, b, indent);
        }
    }

    /** A control block with its keys, then its steps one level in. */
    private static void block(StringBuilder out, Block b, String indent) {
        String in = indent + "  ";
        out.append(indent).append("- tool: ").append(b.kind().wireName()).append(source(b.pos())).append('\n');
        if (b.device() != null) out.append(in).append("device: ").append(YamlText.quote(b.device())).append('\n');
        if (b.label() != null) out.append(in).append("label: ").append(YamlText.quote(b.label())).append('\n');
        if (b.times() != null) out.append(in).append("times: ").append(b.times()).append('\n');
        if (b.whileVisible() != null) out.append(in).append("while: ").append(b.whileVisible().get("selector")).append('\n');
        if (b.kind() == Block.Kind.RETRY) out.append(in).append("maxRetries: ").append(b.maxRetries()).append('\n');
        if (b.visible() != null) out.append(in).append("visible: ").append(b.visible().get("selector")).append('\n');
        if (b.notVisible() != null) out.append(in).append("notVisible: ").append(b.notVisible().get("selector")).append('\n');
        if (b.platform() != null) out.append(in).append("platform: ").append(b.platform()).append('\n');
        out.append(in).append("timeout: ").append(b.timeoutMs()).append('\n');
        out.append(in).append("steps:\n");
        for (Step s : b.steps()) step(out, s, in);
    }

    private static String tool(ToolStep t) {
        List<String> keys = new ArrayList<>();
        keys.add("tool: " + t.tool().wireName());
        if (t.device() != null) keys.add("device: " + YamlText.quote(t.device()));
        if (t.label() != null) keys.add("label: " + YamlText.quote(t.label()));
        if (t.optional()) keys.add("optional: true");
        for (Map.Entry<String, JsonNode> e : t.params().properties()) {
            keys.add(YamlText.key(e.getKey()) + ": " + e.getValue().toString()); // JSON is YAML's flow style
        }
        return "{" + String.join(", ", keys) + "}";
    }

    /** Where a sub-flow's step was written; nothing for the plan's own steps. */
    private static String source(SourcePos pos) {
        return pos.via() == null ? "" : "   # " + pos;
    }
}
