package dev.tandem.it.mcp;

import static dev.tandem.it.mcp.McpAgent.ref;
import static dev.tandem.it.mcp.McpAgent.structured;
import static dev.tandem.it.mcp.McpAgent.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A coding agent on a real `tandem mcp` (the SDK's Java client over stdio), with a real daemon and runners. */
class McpAgentIT {

    @Test
    void acquireSnapshotTapByRefThenAssertVisible() throws Exception {
        try (Tandem t = new Tandem(); McpAgent agent = new McpAgent(t, "it-agent")) {
            CallToolResult acquired = agent.call("acquire", Map.of("specs", List.of("sim")));
            assertThat(acquired.isError()).as(text(acquired)).isFalse();
            String device = structured(acquired).path("devices").get(0).path("id").asText();

            CallToolResult launched = agent.call("launch_app", Map.of("device", device, "appId", "com.example.login"));
            assertThat(launched.isError()).as(text(launched)).isFalse();
            CallToolResult snap = agent.call("snapshot", Map.of("device", device));
            assertThat(snap.isError()).as(text(snap)).isFalse();
            assertThat(text(snap)).startsWith(device + " · com.example.login");

            CallToolResult tap = agent.call("tap", Map.of("device", device, "ref", ref(snap, "\"Sign in\"")));
            assertThat(tap.isError()).as(text(tap)).isFalse();
            CallToolResult seen = agent.call("assert_visible", Map.of("device", device, "text", "Password must be at least 8 characters"));
            assertThat(seen.isError()).as(text(seen)).isFalse();

            // a ref of no snapshot of this session is STALE_REF, as the daemon words it
            CallToolResult stale = agent.call("tap", Map.of("device", device, "ref", "@e999"));
            assertThat(stale.isError()).isTrue();
            assertThat(text(stale)).startsWith("STALE_REF: ");
        }
    }

    @Test
    void runPlanRunsTheChatExampleAndNamesItsFiles() throws Exception {
        try (Tandem t = new Tandem(); McpAgent agent = new McpAgent(t, "it-agent")) {
            Path plan = t.example("chat.yaml");
            CallToolResult r = agent.call("run_plan", Map.of("path", plan.toString(), "output", t.work.resolve("out").toString()));
            assertThat(r.isError()).as(text(r)).isFalse();
            assertThat(text(r)).startsWith("PASSED chat");
            JsonNode s = structured(r);
            assertThat(Path.of(s.path("resultsJson").asText())).isRegularFile();
            assertThat(Path.of(s.path("junitXml").asText())).isRegularFile();
            assertThat(Path.of(s.path("dir").asText())).startsWith(t.work.resolve("out"));
        }
    }

    @Test
    void runPlanOnTheSessionsDevicesReportsProgressAndKeepsThemLeased() throws Exception {
        try (Tandem t = new Tandem(); McpAgent agent = new McpAgent(t, "it-agent")) {
            JsonNode held = structured(agent.call("acquire", Map.of("count", 2))).path("devices");
            String a = held.get(0).path("id").asText();
            String b = held.get(1).path("id").asText();
            Path plan = t.example("chat.yaml");
            CallToolResult r = agent.client.callTool(CallToolRequest.builder("run_plan")
                    .arguments(Map.of("path", plan.toString(), "devices", Map.of("A", a, "B", b), "output", t.work.resolve("out").toString()))
                    .progressToken("chat-run").build());
            assertThat(r.isError()).as(text(r)).isFalse();
            assertThat(text(r)).startsWith("PASSED chat").contains("A on " + a).contains("B on " + b);
            assertThat(agent.progress).isNotEmpty();
            assertThat(agent.progress).extracting(McpSchema.ProgressNotification::progressToken).containsOnly("chat-run");
            assertThat(agent.progress.getLast().message()).contains("step");
            // the run borrowed the lease's devices: they are still this session's
            assertThat(structured(agent.call("devices", Map.of())).path("leased")).extracting(JsonNode::asText).containsExactlyInAnyOrder(a, b);
            assertThat(agent.call("snapshot", Map.of("device", b)).isError()).isFalse();
        }
    }

    @Test
    void validatePlanOfABrokenPlanGivesPositions() throws Exception {
        try (Tandem t = new Tandem(); McpAgent agent = new McpAgent(t, "it-agent")) {
            Path plan = t.write("broken.yaml", "name: broken\nsteps:\n  - tool: tapOn\n    colour: red\n  - tool: nope\n");
            CallToolResult r = agent.call("validate_plan", Map.of("path", plan.toString()));
            JsonNode errors = structured(r).path("errors");
            assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
            for (JsonNode e : errors) {
                assertThat(e.path("file").asText()).isEqualTo(plan.toString());
                assertThat(e.path("line").asInt()).isPositive();
                assertThat(e.path("column").asInt()).isPositive();
            }
            assertThat(text(r)).contains(plan + ":5:");
        }
    }

    @Test
    void twoServersLeaseDifferentDevicesAndNeverSeeEachOthers() throws Exception {
        try (Tandem t = new Tandem(); McpAgent a = new McpAgent(t, "agent-a"); McpAgent b = new McpAgent(t, "agent-b")) {
            String deviceA = structured(a.call("acquire", Map.of())).path("devices").get(0).path("id").asText();
            String deviceB = structured(b.call("acquire", Map.of())).path("devices").get(0).path("id").asText();
            assertThat(deviceA).isNotEmpty().isNotEqualTo(deviceB);

            CallToolResult cross = a.call("snapshot", Map.of("device", deviceB));
            assertThat(cross.isError()).isTrue();
            assertThat(text(cross)).startsWith("DEVICE_NOT_LEASED: " + deviceB);
            assertThat(b.call("press", Map.of("device", deviceA, "button", "home")).isError()).isTrue();
            assertThat(structured(a.call("devices", Map.of())).path("leased")).extracting(JsonNode::asText).containsExactly(deviceA);
            // each lease is owned by its MCP client, by name, as `tandem sessions` shows it
            assertThat(t.run("sessions").out()).contains("mcp agent-a").contains("mcp agent-b");
        }
    }

    @Test
    void killingTheServerFreesItsDevicesWithinTheHeartbeatBound() throws Exception {
        try (Tandem t = new Tandem()) {
            McpAgent agent = new McpAgent(t, "doomed");
            String device = structured(agent.call("acquire", Map.of())).path("devices").get(0).path("id").asText();
            assertThat(state(t, device)).isEqualTo("busy");
            List<Long> servers = McpAgent.serverPids(t);
            assertThat(servers).hasSize(1);
            ProcessHandle.of(servers.getFirst()).orElseThrow().destroyForcibly(); // SIGKILL: no release, no goodbye
            long deadline = System.nanoTime() + 8_000_000_000L; // the pid watcher frees it within ~1 s; the expiry bound is 5 s
            while (!state(t, device).equals("free") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(state(t, device)).isEqualTo("free");
            try {
                agent.close();
            } catch (RuntimeException alreadyGone) {
                // its server is dead
            }
        }
    }

    private static String state(Tandem t, String device) throws Exception {
        Tandem.Result r = t.run("devices", "--json");
        JsonNode devices = Json.tree(r.out().getBytes(StandardCharsets.UTF_8));
        JsonNode list = devices.isArray() ? devices : devices.path("devices");
        for (JsonNode d : list) if (d.path("id").asText().equals(device)) return d.path("state").asText();
        throw new AssertionError("no " + device + " in " + r.out());
    }
}
