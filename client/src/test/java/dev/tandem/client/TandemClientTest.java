package dev.tandem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.ErrorInfo;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Version;
import dev.tandem.protocol.api.DevicesReply;
import dev.tandem.protocol.api.ErrorReply;
import dev.tandem.protocol.api.Routes;
import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.api.RunRequest;
import dev.tandem.protocol.api.SessionsReply;
import dev.tandem.protocol.api.StatusReply;
import dev.tandem.protocol.api.ValidationError;
import dev.tandem.protocol.http.LoopbackHttpServer;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.state.DaemonInfo;
import dev.tandem.protocol.state.StateDir;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a fake daemon: typed replies, typed events in order, errors as TandemExceptions. */
class TandemClientTest {
    @TempDir
    Path dir;

    LoopbackHttpServer server;
    /** What the fake daemon streams for POST /v1/runs. */
    List<RunEvent> script = new ArrayList<>();
    /** Whether the fake breaks the stream after the script (no exit event). */
    boolean breakAfterScript;
    Map<String, LoopbackHttpServer.Handler> routes = new HashMap<>();

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    StateDir fakeDaemon() throws Exception {
        routes.putIfAbsent(Routes.STATUS, r -> r.reply(200, new StatusReply(ProcessHandle.current().pid(), Version.VERSION,
                dir.toString(), 1, 0, 0, Map.of())));
        routes.putIfAbsent(Routes.RUNS, r -> {
            r.body();
            try (OutputStream out = r.stream(200, "application/x-ndjson")) {
                for (RunEvent e : script) {
                    out.write((Json.text(e) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                if (!breakAfterScript) out.write((Json.text(new RunEvent.Exit(script.isEmpty() ? 3 : 0)) + "\n").getBytes());
            }
        });
        server = LoopbackHttpServer.start(0, "tok", routes);
        StateDir state = new StateDir(dir.resolve("home")).ensure();
        AtomicFiles.writeJson(state.daemonJson(), new DaemonInfo(ProcessHandle.current().pid(), server.port(), "tok", Version.VERSION,
                1, state.root().toString()), true);
        return state;
    }

    static RunRequest request() {
        return new RunRequest("/p.yaml", Map.of(), null, null, null, "/o", 0L, 1, null, null);
    }

    @Test
    void findsTheDaemonAndReadsTypedReplies() throws Exception {
        routes.put(Routes.DEVICES, r -> r.reply(200, new DevicesReply(List.of(new DevicesReply.Device("sim-1", "sim", "instant", "sim",
                DevicesReply.RunnerState.STOPPED, null, null, DevicesReply.DeviceState.FREE, null, null)))));
        routes.put(Routes.SESSIONS, r -> r.reply(200, new SessionsReply(List.of(), List.of())));
        try (TandemClient c = TandemClient.find(fakeDaemon()).orElseThrow()) {
            assertThat(c.status().version()).isEqualTo(Version.VERSION);
            assertThat(c.devices().devices()).singleElement().satisfies(d -> {
                assertThat(d.id()).isEqualTo("sim-1");
                assertThat(d.state()).isEqualTo(DevicesReply.DeviceState.FREE);
            });
            assertThat(c.sessions().leases()).isEmpty();
        }
    }

    @Test
    void aRunPassesEveryEventInOrderAndReturnsItsResult() throws Exception {
        RunResult result = new RunResult("r1", "p", RunStatus.PASSED, 5, Map.of("default",
                new DeviceResult("sim-1", DeviceStatus.PASSED, new DeviceResult.Steps(1, 1), 5, null)), List.of(), null, 1);
        script.add(new RunEvent.Allocated("r1", "/o/r1", "p", Map.of("default", "sim-1")));
        script.add(new RunEvent.Heartbeat());
        script.add(new RunEvent.Result(result, "/o/r1", 0));
        List<RunEvent> seen = new ArrayList<>();
        try (TandemClient c = TandemClient.find(fakeDaemon()).orElseThrow()) {
            RunOutcome outcome = c.run(request(), seen::add);
            assertThat(outcome).isEqualTo(new RunOutcome.Finished(result, "/o/r1", 0));
        }
        assertThat(seen).hasSize(4).startsWith(script.toArray(RunEvent[]::new)).endsWith(new RunEvent.Exit(0));
    }

    @Test
    void validationAndRefusalsAreOutcomes() throws Exception {
        var v = new RunEvent.Validation(List.of(new ValidationError(new ValidationError.Pos("/p.yaml", 1, 1), "bad", null)), null);
        script.add(v);
        try (TandemClient c = TandemClient.find(fakeDaemon()).orElseThrow()) {
            assertThat(c.run(request(), e -> { })).isEqualTo(new RunOutcome.Invalid(v));
            script.clear();
            script.add(new RunEvent.Error(new ErrorInfo(ErrorCode.DEVICE_UNAVAILABLE, "busy")));
            RunOutcome refused = c.run(request(), e -> { });
            assertThat(refused).isInstanceOf(RunOutcome.Refused.class);
            assertThat(refused.exitCode()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE.exitCode());
        }
    }

    @Test
    void aStreamThatBreaksBeforeTheEndIsDaemonUnavailable() throws Exception {
        script.add(new RunEvent.Allocated("r1", "/o/r1", "p", Map.of("default", "sim-1")));
        breakAfterScript = true;
        StateDir state = fakeDaemon();
        try (TandemClient c = TandemClient.find(state).orElseThrow()) {
            assertThatThrownBy(() -> c.run(request(), e -> { })).isInstanceOfSatisfying(TandemException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.DAEMON_UNAVAILABLE);
                assertThat(e.getMessage()).contains("during the run").contains(state.logs().resolve("daemon.log").toString());
            });
        }
    }

    @Test
    void anErrorReplyBecomesItsTandemException() throws Exception {
        routes.put(Routes.SNAPSHOT, r -> {
            r.body();
            r.reply(400, new ErrorReply(new ErrorInfo(ErrorCode.USAGE, "snapshot needs `device` with one of [sim-1]")));
        });
        try (TandemClient c = TandemClient.find(fakeDaemon()).orElseThrow()) {
            assertThatThrownBy(() -> c.snapshot("nope")).isInstanceOfSatisfying(TandemException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
                assertThat(e.getMessage()).contains("`device`");
            });
        }
    }

    @Test
    void noDaemonJsonMeansNoDaemon() throws Exception {
        assertThat(TandemClient.find(new StateDir(dir.resolve("empty")).ensure())).isEmpty();
    }
}
