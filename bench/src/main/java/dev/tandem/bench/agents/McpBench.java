package dev.tandem.bench.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.bench.core.Cli;
import dev.tandem.bench.core.Stats;
import dev.tandem.mcp.PassThroughSchemas;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MCP round trips as an agent sees them: the SDK's own Java client talking over stdio to
 * {@code ./tandem mcp} (started by the launcher, as an MCP client's config starts it), on a warm
 * sim device this session acquired: {@code snapshot} and {@code tap} by ref on the login app's
 * "remember me" checkbox (a tap that keeps the screen). Goal: ≤ 15 ms p50 each.
 */
public final class McpBench {
    private McpBench() {}

    static final int SAMPLES = 200;

    public static void run() throws Exception {
        try (Cli cli = new Cli("instant")) {
            cli.ok("daemon", "start");
            ServerParameters server = ServerParameters.builder(cli.launcher().toString()).args("mcp").env(cli.environment()).build();
            McpSyncClient client = McpClient.sync(new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper())))
                    .clientInfo(new McpSchema.Implementation("tandem-bench", "1"))
                    .requestTimeout(Duration.ofSeconds(120)).initializationTimeout(Duration.ofSeconds(60))
                    .jsonSchemaValidator(new PassThroughSchemas()).build();
            try {
                client.initialize();
                ok(client, "acquire", Map.of("specs", List.of("sim:sim-1")));
                ok(client, "launch_app", Map.of("device", "sim-1", "appId", "com.example.login"));
                String ref = ref(ok(client, "snapshot", Map.of("device", "sim-1")), "#remember");
                Map<String, Object> tapArgs = Map.of("device", "sim-1", "ref", ref);
                for (int i = 0; i < 50; i++) { // warm-up: JIT on both sides of every hop
                    ok(client, "snapshot", Map.of("device", "sim-1"));
                    ok(client, "tap", tapArgs);
                }
                List<Double> snapshot = new ArrayList<>();
                List<Double> tap = new ArrayList<>();
                for (int i = 0; i < SAMPLES; i++) {
                    long t0 = System.nanoTime();
                    ok(client, "snapshot", Map.of("device", "sim-1"));
                    long t1 = System.nanoTime();
                    ok(client, "tap", tapArgs);
                    long t2 = System.nanoTime();
                    snapshot.add((t1 - t0) / 1e6);
                    tap.add((t2 - t1) / 1e6);
                }
                Stats.row("MCP call (warm sim-1, instant latency)", "p50", "p99", "samples");
                Stats.row("---", "---", "---", "---");
                report("`snapshot`", snapshot);
                report("`tap` by ref", tap);
                ok(client, "release", Map.of());
            } finally {
                client.closeGracefully();
            }
        }
    }

    private static CallToolResult ok(McpSyncClient client, String tool, Map<String, Object> args) {
        CallToolResult r = client.callTool(new CallToolRequest(tool, args));
        if (Boolean.TRUE.equals(r.isError())) throw new IllegalStateException(tool + " failed: " + text(r));
        return r;
    }

    private static String text(CallToolResult r) {
        StringBuilder sb = new StringBuilder();
        for (McpSchema.Content c : r.content()) if (c instanceof McpSchema.TextContent t) sb.append(t.text());
        return sb.toString();
    }

    private static String ref(CallToolResult snapshot, String needle) {
        Matcher m = Pattern.compile("(@e\\d+) [^\\n]*" + Pattern.quote(needle)).matcher(text(snapshot));
        if (!m.find()) throw new IllegalStateException("no " + needle + " in the snapshot:\n" + text(snapshot));
        return m.group(1);
    }

    private static void report(String what, List<Double> samples) {
        double[] s = Stats.sorted(samples);
        Stats.row(what, Stats.ms(Stats.percentile(s, 50)), Stats.ms(Stats.percentile(s, 99)), String.valueOf(s.length));
    }
}
