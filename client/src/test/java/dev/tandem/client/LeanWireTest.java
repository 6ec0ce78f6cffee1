package dev.tandem.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Bounds;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.LeanJson;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.UiNode;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.CommandRequest;
import dev.tandem.protocol.api.ErrorReply;
import dev.tandem.protocol.api.SnapshotRequest;
import dev.tandem.protocol.api.StatusReply;
import dev.tandem.protocol.state.DaemonInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-coded records read and write what Jackson's binding does, or step aside for it. */
class LeanWireTest {

    @Test
    void aCommandIsWrittenAsJacksonWritesIt() throws Exception {
        for (CommandRequest r : new CommandRequest[] {
                new CommandRequest(null, "sim-1", "tapOn", Json.object().put("id", "sign_in").put("timeout", 300), null, null, 42),
                new CommandRequest("l-1", "web-2", "inputText", Json.object().put("text", "a \"quoted\"\n\u0001 é"), "@e3", 5_000L, 7),
                new CommandRequest(null, "sim-1", "pressButton", null, null, 0L, 1)}) {
            assertThat(new String(LeanWire.command(r), StandardCharsets.UTF_8)).isEqualTo(Json.text(r));
        }
    }

    @Test
    void aReplyReadsAsJacksonReadsIt() throws Exception {
        for (CommandReply r : new CommandReply[] {
                new CommandReply("sim-1", "tapOn", Json.object().put("element", "button \"Sign in\"").put("ref", "e9"),
                        "button \"Sign in\" #sign_in", 7),
                new CommandReply("sim-1", "screenshot", Json.object().put("path", "/tmp/x.png"), null, 120),
                new CommandReply("sim-1", "pressButton", null, null, 0)}) {
            byte[] wire = Json.bytes(r);
            assertThat(LeanWire.commandReply(wire)).contains(Json.read(wire, CommandReply.class));
            assertThat(LeanJson.pretty(LeanWire.tree(r))).isEqualTo(Json.pretty(r));
        }
    }

    @Test
    void daemonJsonStatusAndErrorsReadAsJacksonReadsThem() throws Exception {
        DaemonInfo info = new DaemonInfo(1234, 45678, "ab12", "0.1.0", 1_700_000_000_000L, "/home/u/.tandem");
        assertThat(LeanWire.daemonInfo(Json.bytes(info))).contains(info);
        StatusReply status = new StatusReply(1, "0.1.0", "/h", 2, 0, 1, Map.of("TANDEM_SIM_LATENCY", "instant", "B", "2"));
        assertThat(LeanWire.settings(Json.bytes(status))).contains(status.settings());
        assertThat(LeanWire.settings(Json.bytes(new StatusReply(1, "0.1.0", "/h", 2, 0, 1, null)))).contains(Map.of());
        ErrorReply error = new ErrorReply(new ErrorInfo(ErrorCode.STALE_REF, "ref @e3 is not in the latest snapshot"));
        assertThat(LeanWire.error(Json.bytes(error))).contains(error.error());
    }

    @Test
    void aSnapshotReadsAndPrintsAsJacksonReadsAndPrintsIt() throws Exception {
        UiNode box = new UiNode("e8", "checkbox", "remember", "Remember me", null, new Bounds(16, 400, 200, 48), true, false, false, null);
        UiNode email = new UiNode("e6", "textfield", "email", null, "Email \"work\"", new Bounds(16, 300, 380, 48), true, null, true, null);
        UiNode off = new UiNode("e10", "button", "forgot", "Forgot\npassword?", null, null, false, null, false, null);
        UiNode root = new UiNode(null, "screen", null, null, null, new Bounds(0, 0, 411, 891), true, null, false,
                List.of(new UiNode("e1", "group", "system:status_bar", null, null, new Bounds(0, 0, 411, 24), true, null, false,
                        List.of(new UiNode("e2", "text", "system:clock", "12:00", null, new Bounds(4, 2, 40, 20), true, null, false, null))),
                        email, box, off));
        for (Snapshot snap : new Snapshot[] {new Snapshot("sim-1", "com.example.login", "login", 411, 891, 2.625, root),
                new Snapshot("web-1", null, null, 390, 844, 3.0, new UiNode(null, "screen", null, null, null, null, true, null, false, null))}) {
            byte[] wire = Json.bytes(snap);
            assertThat(LeanWire.snapshot(wire)).contains(Json.read(wire, Snapshot.class));
            assertThat(LeanJson.pretty(LeanWire.tree(snap))).isEqualTo(Json.pretty(snap));
        }
        for (SnapshotRequest r : new SnapshotRequest[] {new SnapshotRequest("sim-1", 42), new SnapshotRequest("sim-1", 42, "l-7")}) {
            assertThat(new String(LeanWire.snapshotRequest(r), StandardCharsets.UTF_8)).isEqualTo(Json.text(r));
        }
        assertThat(LeanWire.snapshot("{\"root\":{\"children\":{}}}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(LeanWire.snapshot("{\"root\":{\"checked\":\"yes\"}}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(LeanWire.snapshot("{\"width\":1.5,\"root\":{}}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void anythingUnexpectedStepsAsideForTheFullPath() {
        for (String odd : new String[] {"", "garbage", "[]", "{\"pid\":\"12\",\"port\":1}", "{\"pid\":1,\"port\":1,\"token\":5}",
                "{\"pid\":0,\"port\":1,\"token\":\"t\",\"version\":\"v\"}"}) {
            assertThat(LeanWire.daemonInfo(odd.getBytes(StandardCharsets.UTF_8))).as(odd).isEmpty();
        }
        assertThat(LeanWire.error("{\"error\":{\"code\":\"NOT_A_CODE\",\"message\":\"m\"}}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(LeanWire.commandReply("{\"durationMs\":\"slow\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(LeanWire.settings("{\"settings\":{\"A\":1}}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
