package dev.tandem.it.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `tandem mcp` through the MCP Inspector's CLI mode (@modelcontextprotocol/inspector, installed by
 * scripts/test.sh into the test cache and named by TANDEM_TEST_MCP_INSPECTOR): another client
 * implementation than the Java SDK's, as agents' hosts are. With TANDEM_REQUIRE_MCP_INSPECTOR=1
 * a missing inspector fails the test instead of skipping it.
 */
class McpInspectorIT {
    static Path inspector;

    @BeforeAll
    static void findInspector() {
        String path = System.getenv("TANDEM_TEST_MCP_INSPECTOR");
        boolean required = "1".equals(System.getenv("TANDEM_REQUIRE_MCP_INSPECTOR"));
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            String why = "the MCP Inspector is not installed (TANDEM_TEST_MCP_INSPECTOR=" + path + "); scripts/test.sh installs it";
            if (required) fail(why);
            Assumptions.abort(why);
        }
        inspector = Path.of(path);
    }

    record Run(int exit, String out, String err) {}

    /** node INSPECTOR --cli [-e K=V…] java -cp … dev.tandem.cli.Main mcp ARGS… */
    static Run inspect(Tandem t, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", inspector.toString(), "--cli"));
        // the inspector starts its server with a minimal environment: the test's state dir is passed explicitly
        for (Map.Entry<String, String> e : t.environment().entrySet()) cmd.addAll(List.of("-e", e.getKey() + "=" + e.getValue()));
        cmd.addAll(List.of(Tandem.java(), "-XX:TieredStopAtLevel=1", "-cp", Tandem.classpath(t.lib), "dev.tandem.cli.Main", "mcp"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(t.work.toFile()).start();
        var out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        var err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the inspector did not finish within 120 s: " + cmd);
        }
        return new Run(p.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void toolsListShowsTheSessionDeviceAndPlanToolsWithTheirSchemas() throws Exception {
        try (Tandem t = new Tandem()) {
            Run r = inspect(t, "--method", "tools/list");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode tools = Json.tree(r.out().getBytes(StandardCharsets.UTF_8)).path("tools");
            List<String> names = new ArrayList<>();
            tools.forEach(tool -> names.add(tool.path("name").asText()));
            assertThat(names).contains("devices", "acquire", "release", "snapshot", "tap", "type", "press", "swipe", "screenshot",
                    "assert_visible", "run_plan", "validate_plan", "plan_reference");
            JsonNode tap = null;
            for (JsonNode tool : tools) if (tool.path("name").asText().equals("tap")) tap = tool;
            assertThat(tap.path("inputSchema").path("required")).extracting(JsonNode::asText).containsExactly("device");
            assertThat(tap.path("inputSchema").path("properties").has("ref")).isTrue();
        }
    }

    @Test
    void toolsCallValidatesAPlanAndRefusesAnUnleasedDevice() throws Exception {
        try (Tandem t = new Tandem()) {
            Run valid = inspect(t, "--method", "tools/call", "--tool-name", "validate_plan",
                    "--tool-arg", "yaml=name: broken\nsteps:\n  - tool: nope\n");
            assertThat(valid.exit()).as(valid.err()).isZero();
            JsonNode result = Json.tree(valid.out().getBytes(StandardCharsets.UTF_8));
            assertThat(result.path("isError").asBoolean()).isFalse();
            assertThat(result.path("structuredContent").path("errors").get(0).path("line").asInt()).isEqualTo(3);
            assertThat(result.path("content").get(0).path("text").asText()).contains("plan.yaml:3:");

            Run refused = inspect(t, "--method", "tools/call", "--tool-name", "tap", "--tool-arg", "device=sim-1", "text=Send");
            assertThat(refused.out()).contains("DEVICE_NOT_LEASED: sim-1 is not leased by this MCP session");
            assertThat(refused.out()).contains("\"isError\": true");
        }
    }
}
