package dev.tandem.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.tools.ParamSpec;
import dev.tandem.protocol.tools.ToolDescriptor;
import dev.tandem.protocol.tools.ToolDescriptors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/agents.md's table of device tools is the tool table's projection: the block between its
 * markers is exactly what {@link #deviceTools()} renders, so a tool added, renamed or re-documented
 * in {@link ToolDescriptors} fails here until the doc says so too (the message holds the new block).
 */
class AgentsDocTest {
    static final String BEGIN = "<!-- device-tools:begin (generated from ToolDescriptors; AgentsDocTest) -->";
    static final String END = "<!-- device-tools:end -->";

    @Test
    void theDeviceToolTableIsTheToolTables() throws Exception {
        Path doc = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("agents.md");
        String text = Files.readString(doc);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        assertThat(b).as("docs/agents.md has the markers").isNotNegative();
        assertThat(e).isGreaterThan(b);
        String block = text.substring(b + BEGIN.length(), e).strip();
        assertThat(block).as("docs/agents.md device tools; replace the block with:\n" + deviceTools()).isEqualTo(deviceTools());
    }

    static String deviceTools() {
        List<String> lines = new ArrayList<>();
        lines.add("| MCP tool | one-shot command | plan tool | mutates | default timeout | what it does | params |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- |");
        for (ToolDescriptor d : ToolDescriptors.all()) {
            var x = d.exposure();
            if (x.mcpName() == null && x.command() == null) continue;
            List<String> params = new ArrayList<>();
            for (ParamSpec p : d.params().values()) params.add("`" + p.name() + "`" + (d.required().contains(p.name()) ? " (required)" : ""));
            if (d.takesSelector()) params.add("`ref`");
            lines.add("| " + (x.mcpName() == null ? "—" : "`" + x.mcpName() + "`")
                    + " | " + (x.command() == null ? "—" : "`tandem " + x.command() + "`")
                    + " | `" + d.tool().wireName() + "` | " + (d.mutating() ? "yes" : "no")
                    + " | " + d.defaultTimeoutMs() / 1000 + " s | " + d.summary().replace("|", "\\|") + " | " + String.join(", ", params) + " |");
        }
        return String.join("\n", lines);
    }
}
