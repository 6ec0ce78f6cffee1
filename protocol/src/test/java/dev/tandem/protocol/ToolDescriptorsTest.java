package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tool table is complete: a tool without its row does not compile (the switch is exhaustive),
 * and a row without docs, with a clashing name or a positional that is not a param fails here, so
 * the validator, the one-shot commands and the MCP schemas projected from it are complete too.
 */
class ToolDescriptorsTest {

    @Test
    void everyToolHasADocumentedRow() {
        for (Tool t : Tool.values()) {
            ToolDescriptor d = ToolDescriptors.of(t);
            assertThat(d).as(t + " row").isNotNull();
            assertThat(d.tool()).isEqualTo(t);
            assertThat(d.summary()).as(t + " summary").isNotBlank().endsWith(".");
            for (ParamSpec p : d.params().values()) {
                assertThat(p.doc()).as(t + "." + p.name() + " doc").isNotBlank();
                for (ParamSpec f : p.fields()) assertThat(f.doc()).as(t + "." + p.name() + "." + f.name() + " doc").isNotBlank();
            }
            assertThat(d.params().keySet()).as(t + " required params are params").containsAll(d.required());
        }
    }

    @Test
    void namesAreUniqueAndPositionalsAreParams() {
        Set<String> mcp = new HashSet<>();
        Set<String> commands = new HashSet<>();
        for (ToolDescriptor d : ToolDescriptors.all()) {
            var e = d.exposure();
            if (e.mcpName() != null) {
                assertThat(mcp.add(e.mcpName())).as("MCP name " + e.mcpName() + " once").isTrue();
                assertThat(e.mcpName()).matches("[a-z][a-z_]*");
                assertThat(ToolDescriptors.byMcpName(e.mcpName())).contains(d);
            }
            if (e.command() != null) {
                assertThat(commands.add(e.command())).as("command " + e.command() + " once").isTrue();
                assertThat(ToolDescriptors.byCommand(e.command())).contains(d);
            }
            if (e.positional() != null) assertThat(d.params()).as(d.tool() + " positional").containsKey(e.positional());
            // only device tools reach devices outside plans: the engine's tools have no device to run on
            if (e.mcpName() != null || e.command() != null) {
                assertThat(d.traits().executor()).isEqualTo(ToolTraits.Executor.RUNNER);
                assertThat(d.traits().inPlans()).isTrue();
            }
        }
        assertThat(commands).contains("tap", "type", "press", "swipe", "launch", "screenshot");
        assertThat(mcp).contains("tap", "type", "press", "swipe", "launch_app", "stop_app", "assert_visible", "notifications");
    }

    @Test
    void traitsComeFromTheRow() {
        for (Tool t : Tool.values()) assertThat(t.traits()).isSameAs(ToolDescriptors.of(t).traits());
        assertThat(ToolDescriptors.of(Tool.TAP_ON).mutating()).isTrue();
        assertThat(ToolDescriptors.of(Tool.ASSERT_VISIBLE).mutating()).isFalse();
        assertThat(ToolDescriptors.of(Tool.SYSTEM_TRAY).mutating()).as("mutating unless it only looks").isTrue();
    }

    @Test
    void inputSchemaNamesTheDeviceTheRefAndEveryParam() {
        ObjectNode tap = ToolDescriptors.inputSchema(ToolDescriptors.of(Tool.TAP_ON));
        assertThat(tap.path("type").asText()).isEqualTo("object");
        assertThat(names(tap.path("required"))).containsExactly("device");
        JsonNode props = tap.path("properties");
        assertThat(props.fieldNames()).toIterable().contains("device", "ref", "text", "id", "role", "index", "selector", "action", "timeout");
        assertThat(names(props.path("action").path("enum"))).containsExactly("tap", "doubleTap", "longPress");
        assertThat(props.path("index").path("minimum").asInt()).isZero();
        assertThat(props.path("text").path("description").asText()).contains("/regex/");

        ObjectNode type = ToolDescriptors.inputSchema(ToolDescriptors.of(Tool.INPUT_TEXT));
        assertThat(names(type.path("required"))).containsExactly("device", "text");
        ObjectNode press = ToolDescriptors.inputSchema(ToolDescriptors.of(Tool.PRESS_BUTTON));
        assertThat(press.path("properties").has("ref")).as("no selector, no ref").isFalse();
        assertThat(names(press.path("properties").path("button").path("enum"))).contains("back", "home");
        ObjectNode tray = ToolDescriptors.inputSchema(ToolDescriptors.of(Tool.SYSTEM_TRAY));
        assertThat(tray.path("properties").path("notification").path("properties").has("body")).isTrue();
        for (ToolDescriptor d : ToolDescriptors.all()) {
            if (d.exposure().mcpName() == null) continue;
            JsonNode s = ToolDescriptors.inputSchema(d);
            s.path("properties").fields().forEachRemaining(e ->
                    assertThat(e.getValue().path("description").asText()).as(d.tool() + "." + e.getKey()).isNotBlank());
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
