package dev.tandem.it.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.it.Tandem;
import dev.tandem.mcp.PassThroughSchemas;
import dev.tandem.protocol.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coding agent as the tests play it: the MCP SDK's own Java client talking to a real
 * {@code tandem mcp} process over stdio, in the test's state dir.
 */
final class McpAgent implements AutoCloseable {
    final McpSyncClient client;
    /** Every progress notification the server sent, in order. */
    final List<McpSchema.ProgressNotification> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

    McpAgent(Tandem t, String name) throws IOException {
        ServerParameters server = ServerParameters.builder(Tandem.java())
                .args("-XX:TieredStopAtLevel=1", "-cp", Tandem.classpath(t.lib), "dev.tandem.cli.Main", "mcp")
                .env(t.environment()).build();
        client = McpClient.sync(new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper())))
                .clientInfo(new McpSchema.Implementation(name, "1.0"))
                .requestTimeout(Duration.ofSeconds(180)).initializationTimeout(Duration.ofSeconds(60))
                .jsonSchemaValidator(new PassThroughSchemas()).progressConsumer(progress::add).build();
        client.initialize();
    }

    CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(new CallToolRequest(tool, args));
    }

    static String text(CallToolResult r) {
        StringBuilder sb = new StringBuilder();
        for (McpSchema.Content c : r.content()) if (c instanceof McpSchema.TextContent t) sb.append(t.text());
        return sb.toString();
    }

    static JsonNode structured(CallToolResult r) {
        return Json.toTree(r.structuredContent());
    }

    /** The ref of the first element of a snapshot's text whose line contains {@code needle}. */
    static String ref(CallToolResult snapshot, String needle) {
        for (String line : text(snapshot).split("\n")) {
            Matcher m = Pattern.compile("^\\s*(@e\\d+) ").matcher(line);
            if (line.contains(needle) && m.find()) return m.group(1);
        }
        throw new AssertionError("no element with " + needle + " in the snapshot:\n" + text(snapshot));
    }

    /** The pids of live `tandem mcp` processes of this test's state dir. */
    static List<Long> serverPids(Tandem t) {
        return t.processes().stream().filter(pid -> {
            try {
                String cmd = Files.readString(Path.of("/proc", pid.toString(), "cmdline"), StandardCharsets.ISO_8859_1);
                return cmd.contains("dev.tandem.cli.Main\0mcp");
            } catch (IOException gone) {
                return false;
            }
        }).toList();
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
