package dev.tandem.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.http.HttpResponse;
import dev.tandem.protocol.http.LoopbackHttpClient;
import dev.tandem.protocol.http.LoopbackHttpServer;
import dev.tandem.protocol.http.TransportException;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import dev.tandem.protocol.runner.Uptime;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol over real loopback HTTP (DESIGN §4), against a fake backend. */
class RunnerServerTest {
    static final String BOOT = "boot1";
    @TempDir Path dir;
    FakeBackend backend = new FakeBackend();
    LoopbackHttpServer server;
    LoopbackHttpClient client;

    @BeforeEach
    void start() throws IOException {
        CommandJournal journal = new CommandJournal(BOOT, dir, Durability.WRITE);
        // the drop fault does not halt; a halting one would end the test JVM, so it is never armed here
        CommandProcessor processor = new CommandProcessor(backend, journal, dir, new Faults(true, p -> {
            throw new AssertionError("halting fault in a unit test: " + p);
        }));
        Uptime uptime = new Uptime(BOOT, ProcessHandle.current().pid(), "test", "dev", "fake", "d1", 0, false);
        server = new RunnerServer(uptime, processor, new Watchdog(0, 1_000), () -> { }).start(0, "secret");
        client = new LoopbackHttpClient(server.port(), "secret");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private HttpResponse post(CommandEnvelope env) throws TransportException {
        return client.send("POST", "/v1/commands", Json.bytes(env), 5_000);
    }

    private CommandRecord status(String id, String boot) throws IOException {
        String q = boot == null ? "" : "?bootId=" + boot;
        return Json.read(client.send("GET", "/v1/commands/" + id + q, null, 5_000).body(), CommandRecord.class);
    }

    static CommandEnvelope tap(String id, String boot, ObjectNode params) {
        return new CommandEnvelope(id, boot, "tapOn", params, 5_000);
    }

    @Test
    void aCommandReturnsItsRecordAndItsStatusStaysQueryable() throws IOException {
        HttpResponse r = post(tap("c1", BOOT, Json.object().put("tag", "a")));
        assertThat(r.status()).isEqualTo(200);
        CommandRecord rec = Json.read(r.body(), CommandRecord.class);
        assertThat(rec.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(rec.result().path("ran").asText()).isEqualTo("a");
        assertThat(rec.timings().startedAt()).isNotNull();
        assertThat(status("c1", BOOT).state()).isEqualTo(CommandState.COMPLETED);
        assertThat(status("c1", null).state()).isEqualTo(CommandState.COMPLETED);
        assertThat(status("other", BOOT).state()).isEqualTo(CommandState.NOT_ACCEPTED);
        assertThat(status("other", "gone-boot").state()).isEqualTo(CommandState.UNKNOWN);
    }

    @Test
    void aCommandForAnotherBootIsRefusedAndNeverRuns() throws IOException {
        HttpResponse r = post(tap("c1", "earlier-boot", Json.object().put("tag", "a")));
        assertThat(r.status()).isEqualTo(409);
        assertThat(Json.tree(r.body()).path("bootId").asText()).isEqualTo(BOOT);
        assertThat(Json.tree(r.body()).path("error").path("code").asText()).isEqualTo("WRONG_BOOT");
        assertThat(backend.effects()).isEmpty();
        assertThat(status("c1", BOOT).state()).isEqualTo(CommandState.NOT_ACCEPTED);
    }

    /** Pins the JDK HttpServer behaviour the drop fault relies on: a throwing handler closes without a reply. */
    @Test
    void aDroppedReplyReachesTheClientAsResponseLostAndTheResendAnswers() throws IOException {
        ObjectNode p = Json.object().put("tag", "a");
        p.putObject(Faults.PARAM).put("point", "drop-after-complete").put("marker", dir.resolve("m").toString());
        assertThatThrownBy(() -> post(tap("c1", BOOT, p)))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESPONSE_LOST));
        assertThat(status("c1", BOOT).state()).isEqualTo(CommandState.COMPLETED);
        CommandRecord resent = Json.read(post(tap("c1", BOOT, p)).body(), CommandRecord.class);
        assertThat(resent.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(backend.effects("a")).isEqualTo(1);
    }

    @Test
    void cancelBeforeTheCommandArrivesIsHonoured() throws IOException {
        HttpResponse c = client.send("POST", "/v1/commands/c9/cancel", new byte[0], 5_000);
        assertThat(Json.read(c.body(), CommandRecord.class).error().code()).isEqualTo(ErrorCode.CANCELLED);
        CommandRecord r = Json.read(post(tap("c9", BOOT, Json.object().put("tag", "a"))).body(), CommandRecord.class);
        assertThat(r.error().code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(backend.effects()).isEmpty();
    }

    @Test
    void badEnvelopesAndTokensAreRefused() throws IOException {
        assertThat(client.send("POST", "/v1/commands", "{not json".getBytes(), 5_000).status()).isEqualTo(400);
        assertThat(client.send("POST", "/v1/commands", "{\"id\":\"x\"}".getBytes(), 5_000).status()).isEqualTo(400);
        try (LoopbackHttpClient stranger = new LoopbackHttpClient(server.port(), "wrong")) {
            assertThat(stranger.send("POST", "/v1/commands", Json.bytes(tap("c1", BOOT, Json.object())), 5_000).status())
                    .isEqualTo(401);
        }
        assertThat(backend.effects()).isEmpty();
    }

    @Test
    void uptimeNamesTheBoot() throws IOException {
        Uptime u = Json.read(client.send("GET", "/v1/uptime", null, 5_000).body(), Uptime.class);
        assertThat(u.bootId()).isEqualTo(BOOT);
    }
}
