package dev.tandem.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.StepNote;
import dev.tandem.protocol.runner.CommandEnvelope;
import dev.tandem.protocol.runner.CommandRecord;
import dev.tandem.protocol.runner.CommandState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandProcessorTest {
    static final String BOOT = "boot1";
    @TempDir Path dir;
    FakeBackend backend;
    CommandJournal journal;
    CommandProcessor processor;

    /** A halting fault in a unit test: the exchange stops here, like the process would. */
    static final class Halted extends RuntimeException {
        final FaultPoint point;

        Halted(FaultPoint point) {
            super(point.wireName, null, false, false);
            this.point = point;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        backend = new FakeBackend();
        journal = new CommandJournal(BOOT, dir, Durability.WRITE);
        processor = new CommandProcessor(backend, journal, dir, new Faults(true, p -> {
            throw new Halted(p);
        }));
    }

    static CommandEnvelope tap(String id, String tag, long timeoutMs) {
        return new CommandEnvelope(id, BOOT, "tapOn", Json.object().put("tag", tag), timeoutMs);
    }

    private CompletableFuture<CommandRecord> submitAsync(CommandEnvelope env) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return processor.submit(env).record();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, r -> Thread.ofVirtual().start(r));
    }

    private void awaitState(String id, CommandState state) {
        Await.until(id + " is " + state.wire(), () -> processor.status(id, null).state() == state);
    }

    @Test
    void aRepeatedIdReturnsTheRecordAndNeverRunsAgain() throws Exception {
        CommandRecord first = processor.submit(tap("c1", "a", 5_000)).record();
        CommandRecord again = processor.submit(tap("c1", "a", 5_000)).record();
        assertThat(first.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(again).isEqualTo(first);
        assertThat(backend.effects("a")).isEqualTo(1);
    }

    @Test
    void aResendWhileRunningWaitsForTheOriginal() throws Exception {
        CountDownLatch release = backend.hold("a");
        CompletableFuture<CommandRecord> original = submitAsync(tap("c1", "a", 5_000));
        assertThat(backend.awaitEntered("a", 5_000)).isTrue();
        CompletableFuture<CommandRecord> resend = submitAsync(tap("c1", "a", 5_000));
        release.countDown();
        assertThat(original.get(10, TimeUnit.SECONDS).state()).isEqualTo(CommandState.COMPLETED);
        assertThat(resend.get(10, TimeUnit.SECONDS).state()).isEqualTo(CommandState.COMPLETED);
        assertThat(backend.effects("a")).isEqualTo(1);
    }

    @Test
    void startedIsOnDiskBeforeTheEffect() throws Exception {
        backend.beforeEffect = p -> {
            try {
                assertThat(Files.readString(dir.resolve(BOOT + ".jsonl"))).contains("\"id\":\"c1\",\"s\":\"started\"");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(processor.submit(tap("c1", "a", 5_000)).record().state()).isEqualTo(CommandState.COMPLETED);
    }

    @Test
    void aCancelWhileWaitingForTheDeviceEndsTheCommandAndItNeverRuns() throws Exception {
        CountDownLatch release = backend.hold("busy");
        CompletableFuture<CommandRecord> busy = submitAsync(tap("c1", "busy", 10_000));
        assertThat(backend.awaitEntered("busy", 5_000)).isTrue();
        CompletableFuture<CommandRecord> waiting = submitAsync(tap("c2", "queued", 10_000));
        awaitState("c2", CommandState.ACCEPTED);
        processor.cancel("c2");
        // the cancelled command ends at once, while the device is still busy
        CommandRecord cancelled = waiting.get(5, TimeUnit.SECONDS);
        assertThat(cancelled.state()).isEqualTo(CommandState.FAILED);
        assertThat(cancelled.error().code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(busy).isNotDone();
        release.countDown();
        assertThat(busy.get(10, TimeUnit.SECONDS).state()).isEqualTo(CommandState.COMPLETED);
        assertThat(processor.submit(tap("c2", "queued", 10_000)).record().error().code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(backend.effects("queued")).isZero();
        CommandJournal next = new CommandJournal("boot2", dir, Durability.WRITE);
        assertThat(next.lookup("c2", BOOT).error().code()).isEqualTo(ErrorCode.CANCELLED);
    }

    @Test
    void aCancelThatArrivesBeforeItsCommandStopsItForGood() throws Exception {
        processor.cancel("c1");
        CommandRecord r = processor.submit(tap("c1", "a", 5_000)).record();
        assertThat(r.error().code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(backend.effects()).isEmpty();
    }

    @Test
    void aCancelWhileRunningStopsTheCommandsWaits() throws Exception {
        backend.hold("slow");
        CompletableFuture<CommandRecord> running = submitAsync(tap("c1", "slow", 10_000));
        assertThat(backend.awaitEntered("slow", 5_000)).isTrue();
        processor.cancel("c1");
        CommandRecord r = running.get(5, TimeUnit.SECONDS);
        assertThat(r.error().code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(backend.effects()).isEmpty();
    }

    @Test
    void aCancelAfterTheEndChangesNothing() throws Exception {
        CommandRecord done = processor.submit(tap("c1", "a", 5_000)).record();
        assertThat(processor.cancel("c1").state()).isEqualTo(CommandState.COMPLETED);
        assertThat(processor.submit(tap("c1", "a", 5_000)).record()).isEqualTo(done);
    }

    @Test
    void aBusyDeviceTimesTheCommandOutWithoutRunningIt() throws Exception {
        CountDownLatch release = backend.hold("busy");
        CompletableFuture<CommandRecord> busy = submitAsync(tap("c1", "busy", 10_000));
        assertThat(backend.awaitEntered("busy", 5_000)).isTrue();
        CommandRecord r = processor.submit(tap("c2", "late", 50)).record();
        assertThat(r.error().code()).isEqualTo(ErrorCode.STEP_TIMEOUT);
        release.countDown();
        busy.get(10, TimeUnit.SECONDS);
        assertThat(backend.effects("late")).isZero();
    }

    @Test
    void aCommandWhosePrimitiveBlocksFailsAtItsTimeoutAndIsNeverRunAgain() throws Exception {
        CountDownLatch release = backend.block("stuck");
        CommandRecord r = submitAsync(tap("c1", "stuck", 50)).get(10, TimeUnit.SECONDS);
        assertThat(r.state()).isEqualTo(CommandState.FAILED);
        assertThat(r.error().code()).isEqualTo(ErrorCode.STEP_TIMEOUT);
        assertThat(r.error().message()).contains("50 ms").contains("not be repeated").contains("may still");
        // the device is still busy with it: the next mutating command waits, and is not run beside it
        CommandRecord next = processor.submit(tap("c2", "next", 50)).record();
        assertThat(next.error().code()).isEqualTo(ErrorCode.STEP_TIMEOUT);
        assertThat(processor.submit(tap("c1", "stuck", 50)).record()).isEqualTo(r);
        release.countDown();
        Await.until("the late command ended", () -> backend.effects("stuck") == 1);
        assertThat(processor.submit(tap("c3", "after", 5_000)).record().state()).isEqualTo(CommandState.COMPLETED);
        assertThat(processor.submit(tap("c1", "stuck", 50)).record().error().code()).isEqualTo(ErrorCode.STEP_TIMEOUT);
        assertThat(backend.effects("stuck")).isEqualTo(1);
        assertThat(backend.effects("next")).isZero();
    }

    @Test
    void readOnlyCommandsRunBesideAMutatingOne() throws Exception {
        CountDownLatch release = backend.hold("busy");
        CompletableFuture<CommandRecord> busy = submitAsync(tap("c1", "busy", 10_000));
        assertThat(backend.awaitEntered("busy", 5_000)).isTrue();
        CommandRecord look = processor.submit(new CommandEnvelope("c2", BOOT, "assertVisible",
                Json.object().put("tag", "look"), 5_000)).record();
        assertThat(look.state()).isEqualTo(CommandState.COMPLETED);
        release.countDown();
        busy.get(10, TimeUnit.SECONDS);
    }

    static CommandEnvelope tapThenSettle(String id, String tag) {
        return new CommandEnvelope(id, BOOT, "tapOn", Json.object().put("tag", tag), 10_000, true);
    }

    @Test
    void aSettleAfterTheReplyHoldsTheDeviceForTheNextCommand() throws Exception {
        SettlingDevice screen = new SettlingDevice();
        backend.settles = screen;
        // the step replies with its action done while its screen is still moving
        CommandRecord tap = submitAsync(tapThenSettle("c1", "tap")).get(5, TimeUnit.SECONDS);
        assertThat(tap.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(screen.isSettled()).isFalse();
        // the next command, mutating or read-only, starts only once that screen settled
        CompletableFuture<CommandRecord> next = submitAsync(tap("c2", "next", 10_000));
        CompletableFuture<CommandRecord> look = submitAsync(new CommandEnvelope("c3", BOOT, "assertVisible",
                Json.object().put("tag", "look"), 10_000));
        awaitState("c2", CommandState.ACCEPTED);
        awaitState("c3", CommandState.ACCEPTED);
        assertThat(backend.effects()).containsExactly("tap");
        screen.settle();
        assertThat(next.get(5, TimeUnit.SECONDS).state()).isEqualTo(CommandState.COMPLETED);
        assertThat(look.get(5, TimeUnit.SECONDS).state()).isEqualTo(CommandState.COMPLETED);
        assertThat(next.get().result().has("notes")).isFalse();
    }

    @Test
    void thePredecessorsSettleDoesNotCountAgainstTheNextCommandsTimeout() throws Exception {
        SettlingDevice screen = new SettlingDevice();
        backend.settles = screen;
        processor.submit(tapThenSettle("c1", "tap"));
        long sent = System.nanoTime();
        CompletableFuture<CommandRecord> quick = submitAsync(new CommandEnvelope("c2", BOOT, "assertVisible",
                Json.object().put("tag", "quick"), 50));
        awaitState("c2", CommandState.ACCEPTED);
        // the settle it waits for goes on past c2's own 50 ms bound
        Await.until("c2's own bound has passed", () -> System.nanoTime() - sent > 100_000_000L);
        screen.settle();
        assertThat(quick.get(5, TimeUnit.SECONDS).state()).isEqualTo(CommandState.COMPLETED);
    }

    @Test
    void aScreenThatNeverSettlesAfterTheReplyIsNotedOnTheNextStep() throws Exception {
        backend.settles = new SettlingDevice(); // never settles: the settle budget (1 s) runs out
        assertThat(processor.submit(tapThenSettle("c1", "tap")).record().state()).isEqualTo(CommandState.COMPLETED);
        CommandRecord next = processor.submit(tap("c2", "next", 10_000)).record();
        assertThat(next.state()).isEqualTo(CommandState.COMPLETED);
        assertThat(StepNote.of(next.result())).containsExactly(StepNote.PREVIOUS_SCREEN_NEVER_SETTLED);
    }

    @Test
    void withoutTheFlagACommandNeverHandsItsSettleOver() throws Exception {
        backend.settles = new SettlingDevice();
        processor.submit(tap("c1", "tap", 5_000));
        // nothing was handed over, so nothing holds the device
        assertThat(processor.submit(tap("c2", "next", 50)).record().state()).isEqualTo(CommandState.COMPLETED);
    }

    @Test
    void engineToolsAndUnknownKindsAreRefusedUnrun() throws Exception {
        for (String kind : new String[] {"wait", "barrier", "teleport"}) {
            CommandRecord r = processor.submit(new CommandEnvelope("k-" + kind, BOOT, kind, Json.object(), 1_000)).record();
            assertThat(r.error().code()).as(kind).isEqualTo(ErrorCode.BAD_PARAMS);
        }
        assertThat(backend.effects()).isEmpty();
    }

    @Test
    void aJournalThatCannotBeWrittenStopsTheCommandBeforeItsEffect() throws Exception {
        journal.close();
        CommandRecord r = processor.submit(tap("c1", "a", 5_000)).record();
        assertThat(r.error().code()).isEqualTo(ErrorCode.RUNNER_FAILED);
        assertThat(r.error().message()).contains("was not run");
        assertThat(backend.effects()).isEmpty();
    }

    private static CommandEnvelope faulty(String id, String point, Path marker) {
        ObjectNode p = Json.object().put("tag", id);
        p.putObject(Faults.PARAM).put("point", point).put("marker", marker.toString());
        return new CommandEnvelope(id, BOOT, "tapOn", p, 5_000);
    }

    @Test
    void haltPointsStopBeforeOrAfterTheEffectAsNamed() throws Exception {
        record Case(String point, CommandState onDisk, long effects) {}
        for (Case c : new Case[] {
                new Case("before-accept", CommandState.NOT_ACCEPTED, 0),
                new Case("after-accept", CommandState.NOT_ACCEPTED, 0),
                new Case("after-start", CommandState.UNKNOWN, 0),
                new Case("after-effect", CommandState.UNKNOWN, 1),
                new Case("after-complete", CommandState.COMPLETED, 1)}) {
            String id = "c-" + c.point();
            assertThatThrownBy(() -> processor.submit(faulty(id, c.point(), dir.resolve(id + ".marker"))))
                    .isInstanceOf(Halted.class).hasMessage(c.point());
            CommandJournal successor = new CommandJournal("next-" + c.point(), dir, Durability.WRITE);
            assertThat(successor.lookup(id, BOOT).state()).as(c.point()).isEqualTo(c.onDisk());
            assertThat(backend.effects(id)).as(c.point()).isEqualTo(c.effects());
        }
    }

    @Test
    void aFaultFiresOnceAndNeverReachesTheBackend() throws Exception {
        Path marker = dir.resolve("m");
        assertThat(processor.submit(faulty("c1", "drop-after-complete", marker)).dropConnection()).isTrue();
        assertThat(processor.submit(faulty("c2", "drop-after-complete", marker)).dropConnection()).isFalse();
        assertThat(backend.lastParams.has(Faults.PARAM)).isFalse();
    }

    @Test
    void withoutTheTestSwitchFaultsAreIgnored() throws Exception {
        CommandProcessor plain = new CommandProcessor(backend, journal, dir, Faults.OFF);
        CommandProcessor.Outcome o = plain.submit(faulty("c1", "after-start", dir.resolve("m")));
        assertThat(o.record().state()).isEqualTo(CommandState.COMPLETED);
        assertThat(o.dropConnection()).isFalse();
        assertThat(backend.lastParams.has(Faults.PARAM)).isFalse();
        assertThat(dir.resolve("m")).doesNotExist();
    }
}
