package dev.tandem.daemon.agent;

import static dev.tandem.daemon.agent.FakeDevices.el;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.api.CommandReply;
import dev.tandem.protocol.api.CommandRequest;
import dev.tandem.protocol.api.LeaseReply;
import dev.tandem.protocol.api.ReleaseRequest;
import dev.tandem.protocol.api.SnapshotRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandServiceTest {
    @TempDir
    Path home;

    private final Fixture f = new Fixture();
    private final FakeDevices devices = new FakeDevices();
    private CommandService commands;
    private String lease;

    @BeforeEach
    void parts() throws Exception {
        commands = new CommandService(f.pool, f.allocator, f.leases, new RefBook(), devices, home.resolve("agent"), Map.of(), List.of(), List.of());
        lease = f.leases.acquire(Fixture.sims("mcp test", "sim-1")).lease();
        devices.show(el("textfield", "email", null), el("button", "sign_in", "Sign in"), el("button", null, "Delete"),
                el("button", null, "Delete"));
    }

    private CommandReply onLease(String tool, ObjectNode params, String ref) throws InterruptedException {
        return commands.command(new CommandRequest(lease, "sim-1", tool, params, ref, null, Fixture.PID));
    }

    @Test
    void aRefOfTheLatestSnapshotBecomesASelectorForExactlyThatElement() throws Exception {
        commands.snapshot(new SnapshotRequest("sim-1", Fixture.PID, lease));
        CommandReply r = onLease("tapOn", null, "@e2");
        assertThat(r.element()).isEqualTo("button \"Sign in\" #sign_in");
        assertThat(r.result().path("ref").asText()).isEqualTo("e2");
        ObjectNode sent = (ObjectNode) devices.mutations().getFirst().params().path("selector");
        assertThat(sent.path("text").asText()).isEqualTo("Sign in");
        assertThat(sent.path("id").asText()).isEqualTo("sign_in");
        assertThat(sent.has("index")).as("unique: no index").isFalse();
        assertThat(devices.mutations().getFirst().timeoutMs()).isEqualTo(Tool.TAP_ON.traits().defaultTimeoutMs());
    }

    @Test
    void equalElementsAreToldApartByTheirIndexAmongTheMatches() throws Exception {
        commands.snapshot(new SnapshotRequest("sim-1", Fixture.PID, lease));
        CommandReply r = onLease("tapOn", null, "e4");
        assertThat(r.result().path("ref").asText()).as("the second Delete, not the first").isEqualTo("e4");
        assertThat(devices.mutations().getFirst().params().path("selector").path("index").asInt()).isEqualTo(1);
    }

    @Test
    void inputTextByRefKeepsItsTextAsWhatItTypes() throws Exception {
        commands.snapshot(new SnapshotRequest("sim-1", Fixture.PID, lease));
        onLease("inputText", dev.tandem.protocol.Json.object().put("text", "ana@example.com"), "@e2");
        ObjectNode sent = devices.mutations().getFirst().params();
        assertThat(sent.path("text").asText()).as("the text typed, not a selector key").isEqualTo("ana@example.com");
        assertThat(sent.path("selector").path("id").asText()).isEqualTo("sign_in");
    }

    @Test
    void aRefOnAToolThatActsOnNoElementIsRefused() throws Exception {
        commands.snapshot(new SnapshotRequest("sim-1", Fixture.PID, lease));
        assertThatThrownBy(() -> onLease("pressButton", dev.tandem.protocol.Json.object().put("button", "back"), "@e2"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
                    assertThat(e.getMessage()).contains("takes no `ref`");
                });
    }

    @Test
    void aRefNotInTheLatestSnapshotIsStale() throws Exception {
        assertThatThrownBy(() -> onLease("tapOn", null, "@e2")).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STALE_REF);
            assertThat(e.getMessage()).contains("take a snapshot of sim-1 first");
        });
        commands.snapshot(new SnapshotRequest("sim-1", Fixture.PID, lease));
        assertThatThrownBy(() -> onLease("tapOn", null, "@e9")).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STALE_REF);
            assertThat(e.getMessage()).startsWith("take a new snapshot: `@e9` is not in your latest snapshot of sim-1 (5 elements, taken ");
        });
        assertThat(devices.mutations()).as("nothing sent").isEmpty();
    }

    @Test
    void refsBelongToTheirScope() throws Exception {
        commands.snapshot(new SnapshotRequest("sim-1", Fixture.PID, null));
        assertThatThrownBy(() -> onLease("tapOn", null, "@e2")).as("the one-shot scope's snapshot is not the lease's")
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STALE_REF));
    }

    @Test
    void anElementGoneFromTheScreenIsAStaleRefSayingWhatIsThereNow() throws Exception {
        commands.snapshot(new SnapshotRequest("sim-1", Fixture.PID, lease));
        devices.show(el("text", "welcome", "Welcome back"));
        assertThatThrownBy(() -> onLease("tapOn", null, "@e2")).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STALE_REF);
            assertThat(e.getMessage()).isEqualTo("take a new snapshot: `@e2` (button \"Sign in\" #sign_in) is no longer on sim-1's "
                    + "screen; on screen now: @e1 text \"Welcome back\" #welcome");
        });
    }

    @Test
    void paramsAreCheckedAsAPlanStepsAndNothingIsSentWhenTheyAreWrong() {
        assertThatThrownBy(() -> onLease("tapOn", Json.object().put("txt", "Sign in"), null))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS);
                    assertThat(e.getMessage()).startsWith("tapOn {\"txt\":\"Sign in\"}: ").contains("txt");
                });
        assertThatThrownBy(() -> onLease("tapOnn", Json.object().put("text", "x"), null)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.getMessage()).contains("did you mean `tapOn`?"));
        assertThatThrownBy(() -> onLease("barrier", Json.object(), null)).isInstanceOfSatisfying(TandemException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
            assertThat(e.getMessage()).startsWith("`barrier` is no command on one device").contains("tapOn").doesNotContain("wait,");
        });
        assertThatThrownBy(() -> onLease("tapOn", Json.object().put("text", "x"), "@e1")).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.getMessage()).contains("both `ref` and selector keys"));
        assertThat(devices.sent).isEmpty();
    }

    @Test
    void aTimeoutParamBoundsTheCommand() throws Exception {
        onLease("assertVisible", Json.object().put("text", "Sign in").put("timeout", 1234), null);
        assertThat(devices.mutations().getFirst().timeoutMs()).isEqualTo(1234);
    }

    @Test
    void aDeviceOutsideTheLeaseIsNotLeased() {
        assertThatThrownBy(() -> commands.command(new CommandRequest(lease, "sim-2", "tapOn", Json.object().put("text", "x"), null,
                null, Fixture.PID))).isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_NOT_LEASED);
                    assertThat(e.getMessage()).contains("nobody holds it: acquire it");
                });
    }

    @Test
    void aOneShotCommandOnABusyDeviceFailsAtOnceNamingTheHolder() {
        assertThatThrownBy(() -> commands.command(new CommandRequest(null, "sim-1", "tapOn", Json.object().put("text", "Sign in"), null,
                0L, 77))).isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("sim-1 (mcp test (lease 1), pid " + Fixture.PID + ")")
                            .endsWith("give `waitMs` to wait for it");
                });
        assertThat(devices.sent).isEmpty();
    }

    @Test
    void aOneShotCommandWaitsForABusyDeviceAndRunsWhenItIsFree() throws Exception {
        CompletableFuture<CommandReply> oneShot = CompletableFuture.supplyAsync(() -> {
            try {
                return commands.command(new CommandRequest(null, "sim-1", "tapOn", Json.object().put("text", "Sign in"), null, 60_000L, 77));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Fixture.await("the one-shot command waits", () -> f.allocator.waiting() == 1);
        assertThat(devices.sent).isEmpty();
        f.leases.release(new ReleaseRequest(lease, List.of()));
        assertThat(oneShot.get().element()).isEqualTo("button \"Sign in\" #sign_in");
        assertThat(f.holder("sim-1")).as("the one-shot lease ended with the command").isNull();
    }

    @Test
    void aOneShotCommandWhoseCallerDiedWhileItWaitedIsNeverSent() throws Exception {
        CompletableFuture<CommandReply> oneShot = CompletableFuture.supplyAsync(() -> {
            try {
                return commands.command(new CommandRequest(null, "sim-1", "tapOn", Json.object().put("text", "Sign in"), null, 60_000L, 78));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Fixture.await("the one-shot command waits", () -> f.allocator.waiting() == 1);
        f.deadPids.add(78L);
        f.leases.release(new ReleaseRequest(lease, List.of()));
        assertThatThrownBy(oneShot::get).hasCauseInstanceOf(TandemException.class)
                .cause().satisfies(e -> assertThat(((TandemException) e).code()).isEqualTo(ErrorCode.CANCELLED));
        assertThat(devices.sent).isEmpty();
        assertThat(f.holder("sim-1")).isNull();
    }

    @Test
    void aOneShotCommandNamesRefsOfTheOneShotScope() throws Exception {
        commands.snapshot(new SnapshotRequest("sim-2", 77, null));
        CommandReply r = commands.command(new CommandRequest(null, "sim-2", "tapOn", null, "@e3", null, 77));
        assertThat(r.element()).isEqualTo("button \"Delete\"");
    }

    @Test
    void aScreenshotGoesUnderTheAgentDirectoryOrToAnAbsolutePath() throws Exception {
        CommandReply r = onLease("screenshot", null, null);
        String path = r.result().path("path").asText();
        assertThat(Path.of(path)).isAbsolute().startsWithRaw(home.resolve("agent").resolve("lease-1"));
        assertThat(devices.mutations().getFirst().params().path("path").asText()).isEqualTo(path);

        Path mine = home.resolve("shots/here.png");
        assertThat(onLease("screenshot", Json.object().put("path", mine.toString()), null).result().path("path").asText())
                .isEqualTo(mine.toString());
        assertThatThrownBy(() -> onLease("screenshot", Json.object().put("path", "rel.png"), null))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMS);
                    assertThat(e.getMessage()).contains("is relative; give an absolute path");
                });
    }

    @Test
    void aLeaseThatEndedTakesItsRefsWithIt() throws Exception {
        commands.snapshot(new SnapshotRequest("sim-1", Fixture.PID, lease));
        f.leases.release(new ReleaseRequest(lease, List.of()));
        LeaseReply again = f.leases.acquire(Fixture.sims("mcp test", "sim-1"));
        assertThatThrownBy(() -> commands.command(new CommandRequest(again.lease(), "sim-1", "tapOn", null, "@e2", null, Fixture.PID)))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STALE_REF));
    }
}
