package dev.tandem.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.Version;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tandem's MCP server on stdio ({@code tandem mcp}): the session tools, every device tool of the
 * tool table, and the plan tools, over one {@link DeviceGateway}. It serves until the client
 * disconnects (stdin ends), then releases the session's lease.
 */
public final class TandemMcpServer {
    private TandemMcpServer() {}

    public static final String NAME = "tandem";

    static final String INSTRUCTIONS = "Tandem drives phones (sim, Android, iOS) and web devices. Typical loop: `acquire` a device, "
            + "`snapshot` it (each element has a ref like @e3), act with a device tool by ref (`tap`, `type`, `press`…), "
            + "check with `assert_visible`, `snapshot` again. `plan_reference` explains test plans; `validate_plan` and `run_plan` check "
            + "and run them. Errors read `CODE: message` with what to do next.";

    /** Every tool of a session, in the order tools/list shows them. */
    static List<SyncToolSpecification> tools(Session session) {
        List<SyncToolSpecification> all = new ArrayList<>(SessionTools.all(session));
        all.addAll(DeviceTools.all(session));
        all.addAll(PlanTools.all(session));
        return all;
    }

    /**
     * Serves one client on these streams until it disconnects, then closes the gateway (releasing the
     * lease). Returns the exit code: 0.
     */
    public static int serve(DeviceGateway gateway, InputStream in, OutputStream out, Path cwd) throws InterruptedException {
        EofInput eof = new EofInput(in);
        // the SDK's own mapper settings for its records: Tandem's mapper is tuned for Tandem's wire records
        var mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        Session session = new Session(gateway, cwd);
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(mapper, eof, out))
                .serverInfo(NAME, Version.VERSION)
                .instructions(INSTRUCTIONS)
                .jsonMapper(mapper)
                .jsonSchemaValidator(new PassThroughSchemas())
                .validateToolInputs(false)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
                // a plan run or a wait for busy devices takes minutes; the daemon bounds each of them
                .requestTimeout(Duration.ofHours(1))
                .tools(tools(session))
                .build();
        try {
            eof.awaitEnd();
        } finally {
            try {
                gateway.close();
            } finally {
                server.close();
            }
        }
        return 0;
    }
}
