package dev.tandem.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.ToolDescriptor;
import dev.tandem.protocol.ToolDescriptors;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The device tools, projected from the tool table: every row with an MCP name becomes a tool whose
 * input schema is {@link ToolDescriptors#inputSchema} and whose description is the row's summary.
 * A call is one command on a device of the session's lease; {@code screenshot} answers with the
 * image itself.
 */
final class DeviceTools {
    private DeviceTools() {}

    static List<SyncToolSpecification> all(Session session) {
        List<SyncToolSpecification> out = new ArrayList<>();
        for (ToolDescriptor d : ToolDescriptors.all()) {
            if (d.exposure().mcpName() == null) continue;
            out.add(SyncToolSpecification.builder().tool(tool(d))
                    .callHandler((exchange, req) -> ToolResults.guard(() -> call(session, d, CallArgs.of(d.exposure().mcpName(), req.arguments()))))
                    .build());
        }
        return out;
    }

    static McpSchema.Tool tool(ToolDescriptor d) {
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = Json.MAPPER.convertValue(ToolDescriptors.inputSchema(d), Map.class);
        String description = d.summary() + (d.takesSelector()
                ? " Name the element by `ref` (e.g. @e3 from your latest `snapshot` of the device) or by selector keys." : "");
        return McpSchema.Tool.builder().name(d.exposure().mcpName()).description(description).inputSchema(schema)
                .annotations(McpSchema.ToolAnnotations.builder().readOnlyHint(!d.mutating()).openWorldHint(false).build())
                .build();
    }

    static CallToolResult call(Session session, ToolDescriptor d, CallArgs args) {
        String device = args.requiredString("device", "the device to act on (an id from `acquire`, e.g. sim-1)");
        session.requireLeased(device);
        String ref = d.takesSelector() ? args.string("ref") : null;
        ObjectNode params = args.json().deepCopy();
        params.remove("device");
        params.remove("ref");
        CommandReply reply = session.gateway.command(device, d.tool().wireName(), params, ref);
        if (d.tool() == Tool.SCREENSHOT) return screenshot(reply);
        return ToolResults.ok(describe(reply), reply);
    }

    /** {@code tapOn on sim-1: button "Send" #send (42 ms)}. */
    static String describe(CommandReply r) {
        StringBuilder sb = new StringBuilder(r.tool()).append(" on ").append(r.device()).append(": ok");
        if (r.element() != null) sb.append(", ").append(r.element());
        sb.append(" (").append(r.durationMs()).append(" ms)");
        JsonNode result = r.result();
        if (result != null && result.isObject() && !result.isEmpty()) sb.append('\n').append(Json.text(result));
        return sb.toString();
    }

    private static CallToolResult screenshot(CommandReply reply) {
        String path = reply.result() == null ? null : reply.result().path("path").asText(null);
        if (path == null) {
            throw new TandemException(ErrorCode.INTERNAL, "the daemon's screenshot reply names no file: " + Json.text(reply));
        }
        byte[] png;
        try {
            png = Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new TandemException(ErrorCode.INTERNAL, "cannot read the screenshot " + path + ": " + e.getMessage());
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("device", reply.device());
        structured.put("path", path);
        structured.put("bytes", png.length);
        return ToolResults.ok(List.of(new ImageContent(null, Base64.getEncoder().encodeToString(png), "image/png"),
                new TextContent("screenshot of " + reply.device() + " saved to " + path)), structured);
    }
}
