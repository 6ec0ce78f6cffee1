package dev.tandem.protocol.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.Failure;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.result.StepRecord;
import dev.tandem.protocol.result.StepStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The typed events keep the wire shape the hand-built ones had: the same names, and they read back equal. */
class RunEventWireTest {

    static Map<String, String> devices() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("A", "sim-1");
        m.put("B", "sim-2");
        return m;
    }

    static JsonNode wire(RunEvent e) throws Exception {
        JsonNode tree = Json.tree(Json.text(e).getBytes());
        assertThat(Json.read(Json.text(e), RunEvent.class)).isEqualTo(e);
        return tree;
    }

    static TreeSet<String> names(JsonNode n) {
        TreeSet<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    @Test
    void runEventsHaveTodaysFieldNames() throws Exception {
        assertThat(names(wire(new RunEvent.Allocated("r1", "/o/r1", "chat", devices()))))
                .containsExactly("devices", "dir", "event", "plan", "runId");
        JsonNode allocated = wire(new RunEvent.Allocated("r1", "/o/r1", "chat", devices()));
        assertThat(allocated.path("event").asText()).isEqualTo("allocated");
        assertThat(Json.text(allocated.path("devices"))).isEqualTo("{\"A\":\"sim-1\",\"B\":\"sim-2\"}");
        assertThat(names(wire(new RunEvent.Queued("sim-1 is busy", null)))).containsExactly("event", "message");
        JsonNode runner = wire(new RunEvent.Runner("web-1", "web", RunEvent.RunnerStart.PREPARING, null));
        assertThat(names(runner)).containsExactly("device", "event", "platform", "state");
        assertThat(runner.path("state").asText()).isEqualTo("preparing");
        JsonNode start = wire(RunEvent.Step.started("A", 3, 1, "tapOn", "Send", "\"Send\""));
        assertThat(names(start)).containsExactly("device", "event", "label", "phase", "planStep", "target", "tool", "trackStep");
        assertThat(start.path("phase").asText()).isEqualTo("start");
        StepRecord rec = new StepRecord(3, 1, "A", "tapOn", "Send", StepStatus.FAILED, 10, 20,
                new ErrorInfo(ErrorCode.ELEMENT_NOT_FOUND, "no Send"));
        JsonNode end = wire(RunEvent.Step.ended(rec));
        JsonNode today = Json.toTree(rec);
        TreeSet<String> expected = names(today);
        expected.add("phase");
        expected.add("event");
        assertThat(names(end)).isEqualTo(expected);
        assertThat(RunEvent.Step.ended(rec).record()).isEqualTo(rec);
        JsonNode waiting = wire(new RunEvent.Waiting("B", RunEvent.SyncKind.CRITICAL_SECTION, "room"));
        assertThat(waiting.path("kind").asText()).isEqualTo("criticalSection");
        assertThat(names(wire(new RunEvent.Section("A", "room")))).containsExactly("device", "event", "name");
        DeviceResult dr = new DeviceResult("sim-1", DeviceStatus.PASSED, new DeviceResult.Steps(2, 2), 5, null);
        assertThat(names(wire(new RunEvent.Device("A", dr)))).containsExactly("device", "event", "result");
        RunResult rr = new RunResult("r1", "chat", RunStatus.FAILED, 9, Map.of("A", dr), List.of(rec),
                new RunResult.RootCause("A", new Failure(3, 1, "tapOn", ErrorCode.ELEMENT_NOT_FOUND, "no Send")), 1000);
        assertThat(names(wire(new RunEvent.Result(rr, "/o/r1", 1)))).containsExactly("dir", "event", "exitCode", "result");
        assertThat(names(wire(new RunEvent.Error(new ErrorInfo(ErrorCode.USAGE, "bad"))))).containsExactly("error", "event");
        RunEvent.Validation v = new RunEvent.Validation(List.of(new ValidationError(new ValidationError.Pos("/p.yaml", 2, 3),
                "unknown key", null)), null);
        assertThat(names(wire(v))).containsExactly("errors", "event");
        assertThat(Json.text(wire(new RunEvent.Heartbeat()))).isEqualTo("{\"event\":\"heartbeat\"}");
        assertThat(Json.text(wire(new RunEvent.Exit(1)))).isEqualTo("{\"event\":\"exit\",\"exitCode\":1}");
    }

    @Test
    void suiteEventsHaveTodaysFieldNames() throws Exception {
        assertThat(names(wire(new RunEvent.Suite("s1", "/o/s1", 2, List.of(new RunEvent.Suite.Shard(1, List.of("a.yaml", "b.yaml")))))))
                .containsExactly("dir", "event", "plans", "shards", "suiteId");
        JsonNode planStart = wire(RunEvent.Plan.started("a.yaml", 1, devices()));
        assertThat(names(planStart)).containsExactly("devices", "event", "phase", "plan", "shard");
        RunResult rr = new RunResult("r1", "a", RunStatus.PASSED, 9, Map.of(), List.of(), null, 1000);
        assertThat(names(wire(RunEvent.Plan.ended("a.yaml", 1, devices(), rr, "/o/s1/r1"))))
                .containsExactly("devices", "dir", "durationMs", "event", "phase", "plan", "shard", "status");
        RunEvent.SuiteSummary sum = new RunEvent.SuiteSummary("s1", RunStatus.PASSED, 9, 1, 1, 1,
                List.of(new RunEvent.SuiteSummary.ShardSummary(1, 9, List.of("sim-1"), List.of("a.yaml"))));
        JsonNode result = wire(new RunEvent.SuiteResult("/o/s1", 0, sum));
        assertThat(result.path("event").asText()).isEqualTo("suite-result");
        assertThat(Json.text(result.path("summary"))).isEqualTo("{\"suiteId\":\"s1\",\"status\":\"passed\",\"durationMs\":9,"
                + "\"plans\":1,\"ran\":1,\"passed\":1,\"shards\":[{\"shard\":1,\"busyMs\":9,\"devices\":[\"sim-1\"],\"plans\":[\"a.yaml\"]}],\"flaky\":0}");
        // a rerun's end says which attempt it was and whether another follows
        assertThat(names(wire(RunEvent.Plan.ended("a.yaml", 1, devices(), rr, "/o/s1/r2", 2, false))))
                .containsExactly("attempt", "devices", "dir", "durationMs", "event", "phase", "plan", "retrying", "shard", "status");
    }

    @Test
    void repliesHaveTodaysFieldOrderAndWords() throws Exception {
        String devices = Json.text(new DevicesReply(List.of(
                new DevicesReply.Device("sim-1", "sim", "instant", "sim", DevicesReply.RunnerState.RUNNING, 42L, 5000,
                        DevicesReply.DeviceState.BUSY, "r1", 7L),
                new DevicesReply.Device("sim-2", "sim", "instant", "sim", DevicesReply.RunnerState.STOPPED, null, null,
                        DevicesReply.DeviceState.FREE, null, null))));
        assertThat(devices).isEqualTo("{\"devices\":[{\"id\":\"sim-1\",\"platform\":\"sim\",\"profile\":\"instant\",\"source\":\"sim\",\"runner\":\"running\","
                + "\"runnerPid\":42,\"runnerPort\":5000,\"state\":\"busy\",\"run\":\"r1\",\"ownerPid\":7},"
                + "{\"id\":\"sim-2\",\"platform\":\"sim\",\"profile\":\"instant\",\"source\":\"sim\",\"runner\":\"stopped\",\"state\":\"free\"}],"
                + "\"notes\":[]}");
        assertThat(Json.text(new DevicesReply(List.of(), List.of("android: adb lists no devices"))))
                .isEqualTo("{\"devices\":[],\"notes\":[\"android: adb lists no devices\"]}");
        assertThat(Json.read("{\"devices\":[]}", DevicesReply.class).notes()).as("from a daemon before notes").isEmpty();
        assertThat(Json.read("{\"devices\":[],\"notes\":[\"ios: x\"]}", DevicesReply.class).notes()).containsExactly("ios: x");
        String sessions = Json.text(new SessionsReply(List.of(new SessionsReply.Lease("snapshot", 7, SessionsReply.LeaseKind.SHARED,
                Map.of("observe", "sim-1"))), List.of(new SessionsReply.Runner("sim-1", 42, 5000, "b1", "k1", false, true, 10))));
        assertThat(sessions).isEqualTo("{\"leases\":[{\"owner\":\"snapshot\",\"ownerPid\":7,\"kind\":\"shared\",\"devices\":{\"observe\":\"sim-1\"}}],"
                + "\"runners\":[{\"device\":\"sim-1\",\"pid\":42,\"port\":5000,\"bootId\":\"b1\",\"artifactKey\":\"k1\",\"adopted\":false,"
                + "\"alive\":true,\"idleMs\":10}]}");
        assertThat(Json.text(new StatusReply(1, "0.1.0", "/h", 5, 0, 2, Map.of())))
                .isEqualTo("{\"pid\":1,\"version\":\"0.1.0\",\"home\":\"/h\",\"startedAt\":5,\"activeRuns\":0,\"runners\":2,\"settings\":{}}");
        assertThat(Json.text(new ShutdownReply(true, 3))).isEqualTo("{\"stopping\":true,\"pid\":3}");
    }

    @Test
    void requestsCarryEnumsByTheirWireNames() throws Exception {
        RunRequest r = new RunRequest("/p.yaml", Map.of(), null, AbortStrategy.FINISH_CURRENT_STEP, null, "/o", 0L, 1, null, null);
        assertThat(Json.tree(Json.text(r).getBytes()).path("abortStrategy").asText()).isEqualTo("finish-current-step");
        assertThat(Json.read(Json.text(r), RunRequest.class)).isEqualTo(r);
        SuiteRequest s = new SuiteRequest(List.of("/p"), "/", 2, ShardMode.ALL, null, null, null, null, "/o", null, 1, null);
        assertThat(Json.tree(Json.text(s).getBytes()).path("mode").asText()).isEqualTo("all");
        assertThat(Json.read(Json.text(s), SuiteRequest.class)).isEqualTo(s);
    }
}
