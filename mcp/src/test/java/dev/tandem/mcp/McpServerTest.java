package dev.tandem.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ToolDescriptors;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MCP server as an agent sees it: the SDK's own client over stdio, against a server process on a fake daemon. */
class McpServerTest {
    @TempDir
    Path work;
    McpSyncClient client;
    final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        ServerParameters server = ServerParameters.builder(java)
                .args("-cp", System.getProperty("java.class.path"), FakeServerMain.class.getName(), work.toString()).build();
        client = McpClient.sync(new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper())))
                .requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(60))
                .jsonSchemaValidator(new PassThroughSchemas()).progressConsumer(progress::add).build();
        client.initialize();
    }

    @AfterEach
    void stop() {
        client.closeGracefully();
    }

    CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(new CallToolRequest(tool, args));
    }

    static String text(CallToolResult r) {
        return r.content().stream().filter(c -> c instanceof McpSchema.TextContent).map(c -> ((McpSchema.TextContent) c).text())
                .reduce("", String::concat);
    }

    static JsonNode structured(CallToolResult r) {
        return Json.toTree(r.structuredContent());
    }

    @Test
    void listsTheSessionToolsEveryExposedDeviceToolAndThePlanTools() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        List<String> names = tools.stream().map(McpSchema.Tool::name).toList();
        assertThat(names).contains("devices", "acquire", "release", "snapshot", "run_plan", "validate_plan", "plan_reference");
        List<String> exposed = ToolDescriptors.all().stream().map(d -> d.exposure().mcpName()).filter(n -> n != null).toList();
        assertThat(names).containsAll(exposed).contains("tap", "type", "press", "screenshot", "assert_visible", "notifications");
        assertThat(names).doesNotContain("observe", "wait", "ping", "criticalSection", "barrier");
        assertThat(names).doesNotHaveDuplicates();
        McpSchema.Tool tap = tools.stream().filter(t -> t.name().equals("tap")).findFirst().orElseThrow();
        // as text: the SDK's maps hold ints where the table's nodes hold longs
        assertThat(Json.text(tap.inputSchema())).isEqualTo(ToolDescriptors.inputSchema(ToolDescriptors.of(Tool.TAP_ON)).toString());
        assertThat(tap.description()).startsWith(ToolDescriptors.of(Tool.TAP_ON).summary());
    }

    /** docs/agents.md lists every tool the server offers, each in a table row of its own; the device tools' rows are generated (AgentsDocTest). */
    @Test
    void docsAgentsListsEveryToolTheServerOffers() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("agents.md"));
        for (McpSchema.Tool t : client.listTools().tools()) {
            assertThat(doc).as("docs/agents.md names the MCP tool " + t.name()).contains("| `" + t.name() + "` |");
        }
    }

    @Test
    void aDeviceToolOnADeviceTheSessionHasNotAcquiredIsDeviceNotLeased() {
        CallToolResult r = call("tap", Map.of("device", "sim-1", "text", "Send"));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).startsWith("DEVICE_NOT_LEASED: sim-1 is not leased by this MCP session").contains("acquire");
        assertThat(structured(r).path("code").asText()).isEqualTo("DEVICE_NOT_LEASED");
        assertThat(structured(r).path("hint").asText()).isNotBlank();
    }

    @Test
    void acquireSnapshotThenTapByRefSendsTheParamsWithoutDeviceAndRef() {
        CallToolResult acquired = call("acquire", Map.of("specs", List.of("sim")));
        assertThat(acquired.isError()).isFalse();
        assertThat(structured(acquired).path("devices").get(0).path("id").asText()).isEqualTo("sim-1");

        CallToolResult snap = call("snapshot", Map.of("device", "sim-1"));
        assertThat(snap.isError()).isFalse();
        assertThat(text(snap)).contains("sim-1 · chat · room · 1080x2400").contains("  @e2 button \"Send\" #send")
                .contains("@e3 textfield hint=\"Message\" #message [focused]");
        assertThat(structured(snap).path("root").path("children").get(0).path("ref").asText()).isEqualTo("e2");

        CallToolResult tap = call("tap", Map.of("device", "sim-1", "ref", "@e2", "action", "doubleTap"));
        assertThat(tap.isError()).isFalse();
        assertThat(text(tap)).startsWith("tapOn on sim-1: ok, button \"Send\" #send");
        JsonNode sent = structured(tap).path("result").path("params");
        assertThat(sent.path("action").asText()).isEqualTo("doubleTap");
        assertThat(sent.has("device")).isFalse();
        assertThat(sent.has("ref")).isFalse();
    }

    @Test
    void aStaleRefComesBackAsTheDaemonSaidIt() {
        call("acquire", Map.of());
        call("snapshot", Map.of("device", "sim-1"));
        CallToolResult r = call("assert_visible", Map.of("device", "sim-1", "ref", "@e9"));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).startsWith("STALE_REF: take a new snapshot: `@e9` is not in your latest snapshot of sim-1");
        assertThat(structured(r).path("code").asText()).isEqualTo("STALE_REF");
    }

    @Test
    void screenshotAnswersWithThePngAsImageContent() {
        call("acquire", Map.of("count", 2));
        CallToolResult r = call("screenshot", Map.of("device", "sim-2"));
        assertThat(r.isError()).isFalse();
        McpSchema.ImageContent image = r.content().stream().filter(c -> c instanceof McpSchema.ImageContent)
                .map(c -> (McpSchema.ImageContent) c).findFirst().orElseThrow();
        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(image.data())).isEqualTo(FakeGateway.PNG);
        assertThat(structured(r).path("path").asText()).endsWith("sim-2.png");
    }

    @Test
    void releaseGivesDevicesBackAndTheirToolsAreRefusedAfterwards() {
        call("acquire", Map.of("count", 2));
        CallToolResult r = call("release", Map.of("devices", List.of("sim-1")));
        assertThat(text(r)).isEqualTo("released; this session holds: sim-2 (sim, pixel-7)");
        assertThat(call("press", Map.of("device", "sim-1", "button", "back")).isError()).isTrue();
        assertThat(call("press", Map.of("device", "sim-2", "button", "back")).isError()).isFalse();
    }

    @Test
    void validatePlanGivesEveryErrorWithItsPosition() {
        CallToolResult r = call("validate_plan", Map.of("yaml", "name: broken\nsteps:\n  - tool: tapOn\n    text: Send\n    colour: red\n  - tool: bogus\n"));
        assertThat(r.isError()).isFalse();
        JsonNode s = structured(r);
        assertThat(s.path("ok").asBoolean()).isFalse();
        assertThat(s.path("errors")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(s.path("errors").get(0).path("line").asInt()).isEqualTo(5);
        assertThat(s.path("errors").get(0).path("column").asInt()).isPositive();
        assertThat(text(r)).startsWith("VALIDATION: ").contains("plan.yaml:5:").contains("plan.yaml:6:");

        CallToolResult ok = call("validate_plan", Map.of("yaml", "name: fine\nsteps:\n  - tool: tapOn\n    text: Send\n"));
        assertThat(structured(ok).path("ok").asBoolean()).as(text(ok)).isTrue();
        assertThat(text(ok)).startsWith("valid: fine (1 steps");
    }

    @Test
    void runPlanReportsProgressForItsTokenAndThePathsOfItsFiles() {
        CallToolResult r = client.callTool(CallToolRequest.builder("run_plan")
                .arguments(Map.of("yaml", "name: fine\nsteps:\n  - tool: tapOn\n    text: Send\n")).progressToken("run-token").build());
        assertThat(r.isError()).isFalse();
        assertThat(text(r)).startsWith("PASSED ").contains("2 of 2 steps passed").contains("results.json").contains("junit.xml");
        JsonNode s = structured(r);
        assertThat(s.path("resultsJson").asText()).endsWith("run-1/results.json");
        assertThat(s.path("junitXml").asText()).endsWith("run-1/junit.xml");
        assertThat(s.path("dir").asText()).startsWith(work.resolve("tandem-out").toString());
        assertThat(progress).extracting(McpSchema.ProgressNotification::progressToken).containsOnly("run-token");
        assertThat(progress).extracting(McpSchema.ProgressNotification::progress).containsExactly(1.0, 2.0);
    }

    @Test
    void runPlanOnDevicesTheSessionDoesNotHoldIsRefused() {
        CallToolResult r = call("run_plan", Map.of("yaml", "name: x\nsteps:\n  - tool: tapOn\n    text: Send\n", "devices", Map.of("default", "sim-2")));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).startsWith("DEVICE_NOT_LEASED: sim-2");
    }

    @Test
    void planReferenceListsEveryPlanToolAndThePlanFormatDoc() throws Exception {
        String ref = text(call("plan_reference", Map.of()));
        for (var d : ToolDescriptors.all()) {
            if (d.tool() != Tool.PING) assertThat(ref).contains("## " + d.tool().wireName());
        }
        String doc = Files.readString(Path.of(System.getProperty("user.dir")).resolve("../docs/plan-format.md"));
        assertThat(ref).endsWith(doc);
    }
}
