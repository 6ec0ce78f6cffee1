package dev.tandem.device;

import static dev.tandem.device.Fakes.ctx;
import static dev.tandem.device.Fakes.id;
import static dev.tandem.device.Fakes.launched;
import static dev.tandem.device.Fakes.once;
import static dev.tandem.device.Fakes.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Waits over a FakeDevice: they wake on changes, end at their bound, and fail saying what is on screen. */
class WaitsTest {
    private static final String LOGIN = "com.example.login";

    private static AtomicInteger countAwaits(FakeDevice d) {
        AtomicInteger n = new AtomicInteger();
        d.onAwait = n::incrementAndGet;
        return n;
    }

    @Test
    void anElementOnASettledScreenIsReturnedWithoutWaiting() throws Exception {
        FakeDevice d = launched(LOGIN);
        AtomicInteger awaits = countAwaits(d);
        assertThat(Waits.forElement(d, text("Sign in"), 5_000, ctx()).id()).isEqualTo("sign_in");
        assertThat(awaits).hasValue(0);
    }

    @Test
    void anElementThatAppearsWakesTheWait() throws Exception {
        FakeDevice d = launched(LOGIN);
        d.onAwait = once(() -> d.edit(LOGIN, "email_error", e -> {
            e.visible = true;
            e.text = "Bad email";
        }));
        UiNode n = Waits.forElement(d, text("Bad email"), 5_000, ctx());
        assertThat(n.id()).isEqualTo("email_error");
    }

    @Test
    void aMissingElementFailsAfterItsTimeoutNamingTheClosest() {
        FakeDevice d = launched(LOGIN);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Waits.forElement(d, text("Sign on"), 200, ctx()))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND))
                .hasMessageStartingWith("No element matches {text: \"Sign on\"} on screen 'login' of com.example.login after ")
                .hasMessageContaining("Closest on screen: button \"Sign in\" #sign_in");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(190);
    }

    @Test
    void theCommandsDeadlineBoundsTheWait() {
        FakeDevice d = launched(LOGIN);
        long start = System.nanoTime();
        CommandContext shortCommand = CommandContext.withTimeout(100, Path.of("."));
        assertThatThrownBy(() -> Waits.forElement(d, text("Nope"), 60_000, shortCommand)).isInstanceOf(TandemException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
    }

    @Test
    void aCancelledCommandStopsWaiting() {
        FakeDevice d = launched(LOGIN);
        CommandContext cancelled = new CommandContext(System.nanoTime() + 60_000_000_000L, () -> true, Path.of("."));
        assertThatThrownBy(() -> Waits.forElement(d, text("Nope"), 60_000, cancelled))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    }

    @Test
    void anInterruptedThreadStopsWaiting() {
        FakeDevice d = launched(LOGIN);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Waits.forElement(d, text("Nope"), 60_000, ctx())).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void absenceOnASettledScreenIsJudgedAtOnce() throws Exception {
        FakeDevice d = launched(LOGIN);
        AtomicInteger awaits = countAwaits(d);
        Waits.forAbsence(d, id("email_error"), 5_000, ctx());
        assertThat(awaits).hasValue(0);
    }

    @Test
    void absenceWaitsForTheElementToGo() throws Exception {
        FakeDevice d = launched(LOGIN);
        d.onAwait = once(() -> d.edit(LOGIN, "remember", e -> e.visible = false));
        Waits.forAbsence(d, id("remember"), 5_000, ctx());
        assertThat(Waits.now(d, id("remember"))).isEmpty();
    }

    @Test
    void anElementThatStaysFailsTheAbsenceWaitNamingIt() {
        FakeDevice d = launched(LOGIN);
        assertThatThrownBy(() -> Waits.forAbsence(d, id("sign_in"), 150, ctx()))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ASSERTION_FAILED))
                .hasMessage("Expected no element matching {id: \"sign_in\"} on screen 'login' of com.example.login, but"
                        + " button \"Sign in\" #sign_in is still on screen after 150 ms.");
    }

    @Test
    void nowReadsOnceAndPicksTheFirstMatch() {
        FakeDevice d = launched(LOGIN);
        assertThat(Waits.now(d, new dev.tandem.protocol.Selector(null, null, "textfield", null)).orElseThrow().id()).isEqualTo("email");
        assertThat(Waits.now(d, text("Nope"))).isEmpty();
    }

    @Test
    void settleIsImmediateOnASettledDeviceAndBoundedOnABusyOne() throws Exception {
        assertThat(Waits.settle(launched(LOGIN), ctx())).isTrue();
        TickingDevice busy = new TickingDevice(t -> java.util.List.of());
        long start = System.nanoTime();
        assertThat(Waits.settle(busy, CommandContext.withTimeout(100, Path.of(".")))).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).as("bounded by the command, not the 1 s budget").isLessThan(Waits.SETTLE_BUDGET_MS);
    }

    @Test
    void sameLookComparesWhatAUserSeesNotRefs() {
        UiNode a = new UiNode("e1", "button", "ok", "OK", null, new dev.tandem.protocol.Bounds(0, 0, 10, 10), true, null, false, java.util.List.of());
        UiNode sameButRef = new UiNode("e9", "button", "ok", "OK", null, a.bounds(), true, null, false, java.util.List.of());
        UiNode moved = new UiNode("e1", "button", "ok", "OK", null, new dev.tandem.protocol.Bounds(1, 0, 10, 10), true, null, false, java.util.List.of());
        UiNode disabled = new UiNode("e1", "button", "ok", "OK", null, a.bounds(), false, null, false, java.util.List.of());
        assertThat(Waits.sameLook(a, sameButRef)).isTrue();
        assertThat(Waits.sameLook(a, moved)).isFalse();
        assertThat(Waits.sameLook(a, disabled)).isFalse();
    }

    @Test
    void aStateInTheSelectorIsWaitedForAndAMismatchSaysWhichState() throws Exception {
        FakeDevice d = launched(LOGIN);
        dev.tandem.protocol.Selector disabled = new dev.tandem.protocol.Selector(null, "sign_in", null, null, null, false, null, null, null);
        assertThatThrownBy(() -> Waits.forElement(d, disabled, 50, ctx()))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ELEMENT_NOT_FOUND))
                .hasMessageEndingWith(": found button \"Sign in\" #sign_in but it is enabled.");
        d.onAwait = once(() -> d.edit(LOGIN, "sign_in", e -> e.enabled = false));
        assertThat(Waits.forElement(d, disabled, 5_000, ctx()).enabled()).isFalse();
    }
}
