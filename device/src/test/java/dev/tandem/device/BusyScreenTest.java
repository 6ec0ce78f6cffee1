package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.StepNote;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.UiNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a screen that never settles (a 10 ms ticker), element waits return once the element itself
 * is stable, and actions go on after the settle budget with a note. The snapshot count shows
 * whether a wait returned at once or sat out its limit (no timed assertion).
 */
class BusyScreenTest {
    private static final Selector OK = new Selector("OK", null, null, null);

    private static CommandContext ctx() {
        return CommandContext.withTimeout(30_000, Path.of("."));
    }

    @Test
    void aPresentStillElementIsFoundWithoutWaitingForTheScreen() throws Exception {
        TickingDevice d = new TickingDevice(t -> List.of(TickingDevice.button("OK", 16)));
        UiNode n = Waits.forElement(d, OK, 5_000, ctx());
        assertThat(n.text()).isEqualTo("OK");
        // a few reads across the stability window, not one per tick for 5 s (~500)
        assertThat(d.snapshots.get()).isLessThan(20);
    }

    @Test
    void anElementInMotionIsReturnedOnceItComesToRest() throws Exception {
        // slides in from x=400 to x=16 over ~20 ticks, while the counter keeps ticking
        TickingDevice d = new TickingDevice(t -> List.of(TickingDevice.button("OK", (int) Math.max(16, 400 - 20 * t))));
        UiNode n = Waits.forElement(d, OK, 5_000, ctx());
        assertThat(n.bounds().x()).isEqualTo(16);
        assertThat(d.snapshots.get()).isLessThan(60);
    }

    @Test
    void absenceOnABusyScreenIsJudgedWithoutWaitingItOut() throws Exception {
        TickingDevice d = new TickingDevice(t -> List.of());
        Waits.forAbsence(d, OK, 5_000, ctx());
        assertThat(d.snapshots.get()).isLessThan(20);
    }

    @Test
    void anActionOnABusyScreenGoesOnAfterTheBudgetAndSaysSo() throws Exception {
        TickingDevice d = new TickingDevice(t -> List.of(TickingDevice.button("OK", 16)));
        JsonNode r = ToolExecutor.run(d, Tool.TAP_ON, Json.object().put("text", "OK"), ctx());
        assertThat(d.taps).containsExactly("OK");
        assertThat(StepNote.of(r)).containsExactly(StepNote.SCREEN_NEVER_SETTLED);
        assertThat(r.path("notes").get(0).asText()).isEqualTo("screen never settled");
    }

    @Test
    void aReadOnlyStepOnABusyScreenCarriesNoNote() throws Exception {
        TickingDevice d = new TickingDevice(t -> List.of(TickingDevice.button("OK", 16)));
        JsonNode r = ToolExecutor.run(d, Tool.ASSERT_VISIBLE, Json.object().put("text", "OK"), ctx());
        assertThat(r.has("notes")).isFalse();
        assertThat(r.path("element").asText()).contains("OK");
    }

    @Test
    void inputTextOnAScreenStillStartingTypesOnceItsFieldHasTheFocus() throws Exception {
        // a page still loading its app on a loaded host: the field is focused some ticks after the step starts
        TickingDevice d = new TickingDevice(t -> List.of(TickingDevice.field(t >= 8)));
        ToolExecutor.run(d, Tool.INPUT_TEXT, Json.object().put("text", "Hello"), ctx());
        assertThat(d.typed).containsExactly("Hello");
    }

    @Test
    void inputTextOnABusyScreenWithTheFocusAlreadyThereDoesNotWait() throws Exception {
        TickingDevice d = new TickingDevice(t -> List.of(TickingDevice.field(true)));
        ToolExecutor.run(d, Tool.INPUT_TEXT, Json.object().put("text", "Hello").put("timeout", 60_000), ctx());
        assertThat(d.typed).containsExactly("Hello");
        assertThat(d.snapshots.get()).as("one look before typing").isLessThan(5);
    }
}
