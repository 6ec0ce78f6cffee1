package dev.tandem.daemon.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Json;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ToolTraits;
import org.junit.jupiter.api.Test;

/**
 * The tool traits table the recovery policy relies on. The switch in {@link ToolTraits#of} is
 * exhaustive at compile time; this pins the rest: every tool has a usable row, every plan tool a
 * default timeout, and whether a tool mutates is decided for every invocation.
 */
class ToolTraitsTableTest {

    @Test
    void everyToolHasARow() {
        for (Tool t : Tool.values()) {
            ToolTraits traits = t.traits();
            assertThat(traits).as(t.wireName()).isNotNull();
            assertThat(traits.effect()).as(t.wireName()).isNotNull();
            assertThat(traits.executor()).as(t.wireName()).isNotNull();
            assertThat(Tool.byName(t.wireName())).contains(t);
        }
    }

    @Test
    void everyPlanToolHasADefaultTimeout() {
        assertThat(Tool.planTools()).isNotEmpty();
        for (Tool t : Tool.planTools()) {
            assertThat(t.traits().defaultTimeoutMs()).as(t.wireName()).isPositive();
        }
        for (Tool t : Tool.values()) {
            if (t.traits().executor() == ToolTraits.Executor.RUNNER) {
                assertThat(t.traits().defaultTimeoutMs()).as(t.wireName()).isPositive();
            }
        }
    }

    @Test
    void toolsThatChangeTheDeviceAreMutating() {
        for (Tool t : new Tool[] {Tool.LAUNCH_APP, Tool.STOP_APP, Tool.TAP_ON, Tool.INPUT_TEXT, Tool.CLEAR_TEXT,
                Tool.IME_ACTION, Tool.PRESS_BUTTON, Tool.SWIPE, Tool.SCROLL_UNTIL_VISIBLE}) {
            assertThat(t.traits().mutates(Json.object())).as(t.wireName()).isTrue();
        }
        for (Tool t : new Tool[] {Tool.ASSERT_VISIBLE, Tool.ASSERT_NOT_VISIBLE, Tool.OBSERVE, Tool.SCREENSHOT, Tool.PING}) {
            assertThat(t.traits().mutates(Json.object())).as(t.wireName()).isFalse();
        }
        assertThat(Tool.SYSTEM_TRAY.traits().mutates(Json.object().put("action", "find"))).isFalse();
        for (String action : new String[] {"open", "tap", "dismiss", "clearAll"}) {
            assertThat(Tool.SYSTEM_TRAY.traits().mutates(Json.object().put("action", action))).as(action).isTrue();
        }
        assertThat(Tool.SYSTEM_TRAY.traits().mutates(null)).as("no action: assume it mutates").isTrue();
    }

    @Test
    void everyRunnerToolIsClassifiedOneWayOrTheOther() {
        // BY_ACTION must be listed explicitly: a new tool defaulting to it would need its read-only actions named
        for (Tool t : Tool.values()) {
            if (t.traits().effect() == ToolTraits.Effect.BY_ACTION) assertThat(t).isEqualTo(Tool.SYSTEM_TRAY);
        }
    }
}
