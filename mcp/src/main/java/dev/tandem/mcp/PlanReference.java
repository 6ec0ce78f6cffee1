package dev.tandem.mcp;

import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ParamSpec;
import dev.tandem.protocol.ToolDescriptor;
import dev.tandem.protocol.ToolDescriptors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What {@code plan_reference} answers: the tools of a plan step, generated from the tool table (so
 * it cannot drift from the validator), then docs/plan-format.md as shipped in this jar.
 */
final class PlanReference {
    private PlanReference() {}

    static final String DOC = "plan-format.md";

    static String text() {
        StringBuilder sb = new StringBuilder("# Tandem plan tools (from the tool table)\n\n");
        sb.append("A plan step is a mapping: `tool: NAME` and the tool's params; in a multi-device plan it also names its `device: LABEL`. ")
                .append("Selector keys (text, id, role, index) pick an element. Full format after the list.\n\n");
        for (ToolDescriptor d : ToolDescriptors.all()) {
            if (d.tool() == Tool.PING) continue;
            sb.append("## ").append(d.tool().wireName());
            if (d.exposure().mcpName() != null) sb.append(" (MCP tool `").append(d.exposure().mcpName()).append("`)");
            sb.append("\n").append(d.summary()).append('\n');
            if (d.selector() == ToolDescriptor.SelectorUse.REQUIRED) sb.append("Needs a selector.\n");
            if (!d.oneOf().isEmpty()) sb.append("One of: ").append(String.join(", ", d.oneOf())).append(".\n");
            for (ParamSpec p : d.params().values()) {
                sb.append("- `").append(p.name()).append("`: ").append(p.expected());
                if (d.required().contains(p.name())) sb.append(", required");
                if (!p.doc().isEmpty()) sb.append(". ").append(p.doc());
                sb.append(" Example: ").append(p.example()).append('\n');
            }
            sb.append('\n');
        }
        sb.append("\n---\n\n").append(doc());
        return sb.toString();
    }

    static String doc() {
        try (InputStream in = PlanReference.class.getResourceAsStream(DOC)) {
            if (in == null) return "(docs/plan-format.md is not in this build: see the repository's docs/plan-format.md)";
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(docs/plan-format.md could not be read: " + e.getMessage() + ")";
        }
    }
}
