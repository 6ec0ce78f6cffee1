package dev.tandem.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How every tool answers: a text for the model, the same facts as structured content; a failure
 * is a tool error (isError) whose text is {@code CODE: message} and the code's hint, with
 * {@code {code, message, hint}} as structured content, so an agent reads one shape for all of them.
 */
final class ToolResults {
    private ToolResults() {}

    static CallToolResult ok(String text, Object structured) {
        return ok(List.of(new io.modelcontextprotocol.spec.McpSchema.TextContent(text)), structured);
    }

    static CallToolResult ok(List<Content> content, Object structured) {
        var b = CallToolResult.builder().content(content).isError(false);
        if (structured != null) b.structuredContent(plain(structured));
        return b.build();
    }

    static CallToolResult error(ErrorCode code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.name());
        body.put("message", message);
        body.put("hint", code.hint());
        return CallToolResult.builder().addTextContent(code.name() + ": " + message + "\n" + code.hint())
                .structuredContent(body).isError(true).build();
    }

    static CallToolResult error(TandemException e) {
        return error(e.code(), e.getMessage());
    }

    /** Runs a handler: a TandemException becomes its tool error; anything else is INTERNAL, never a protocol error. */
    static CallToolResult guard(Supplier<CallToolResult> handler) {
        try {
            return handler.get();
        } catch (TandemException e) {
            return error(e);
        } catch (RuntimeException e) {
            return error(ErrorCode.INTERNAL, "the MCP server failed: " + e);
        }
    }

    /** Structured content as plain maps and lists, which the SDK serialises as they are. */
    static Object plain(Object value) {
        if (value == null) return null;
        JsonNode tree = value instanceof JsonNode n ? n : Json.toTree(value);
        return Json.MAPPER.convertValue(tree, Object.class);
    }
}
