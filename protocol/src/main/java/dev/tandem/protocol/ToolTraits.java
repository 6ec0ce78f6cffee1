package dev.tandem.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The tool traits table: whether a tool changes the device (so an unknown outcome must never be
 * replayed), its default timeout, and who executes it.
 *
 * @param effect whether the tool mutates the device
 * @param defaultTimeoutMs bound on the whole step when the plan gives no {@code timeout}
 * @param executor the runner (device commands) or the plan engine (sync blocks, waits)
 * @param inPlans whether plans may name the tool
 */
public record ToolTraits(Effect effect, long defaultTimeoutMs, Executor executor, boolean inPlans) {

    public enum Effect {
        MUTATING,
        READ_ONLY,
        /** Read-only for the actions listed in {@link #READ_ONLY_ACTIONS}, mutating otherwise. */
        BY_ACTION
    }

    public enum Executor { RUNNER, ENGINE }

    /** systemTray actions that only look. */
    public static final Set<String> READ_ONLY_ACTIONS = Set.of("find");

    /** Default bound for implicit element waits inside a step (tapOn, assertVisible…). */
    public static final long DEFAULT_ELEMENT_WAIT_MS = 5_000;

    public static ToolTraits of(Tool tool) {
        return switch (tool) {
            case LAUNCH_APP -> runner(Effect.MUTATING, 30_000);
            case STOP_APP -> runner(Effect.MUTATING, 10_000);
            case TAP_ON -> runner(Effect.MUTATING, 15_000);
            case INPUT_TEXT -> runner(Effect.MUTATING, 15_000);
            case CLEAR_TEXT -> runner(Effect.MUTATING, 15_000);
            case IME_ACTION -> runner(Effect.MUTATING, 15_000);
            case PRESS_BUTTON -> runner(Effect.MUTATING, 10_000);
            case SWIPE -> runner(Effect.MUTATING, 10_000);
            case SCROLL_UNTIL_VISIBLE -> runner(Effect.MUTATING, 30_000);
            case ASSERT_VISIBLE -> runner(Effect.READ_ONLY, 15_000);
            case ASSERT_NOT_VISIBLE -> runner(Effect.READ_ONLY, 15_000);
            case OBSERVE -> runner(Effect.READ_ONLY, 15_000);
            case SYSTEM_TRAY -> runner(Effect.BY_ACTION, 30_000);
            case SCREENSHOT -> runner(Effect.READ_ONLY, 15_000);
            case WAIT -> new ToolTraits(Effect.READ_ONLY, 600_000, Executor.ENGINE, true);
            case CRITICAL_SECTION -> new ToolTraits(Effect.READ_ONLY, 60_000, Executor.ENGINE, true);
            case BARRIER -> new ToolTraits(Effect.READ_ONLY, 60_000, Executor.ENGINE, true);
            case PING -> new ToolTraits(Effect.READ_ONLY, 5_000, Executor.RUNNER, false);
        };
    }

    private static ToolTraits runner(Effect effect, long timeoutMs) {
        return new ToolTraits(effect, timeoutMs, Executor.RUNNER, true);
    }

    /** Whether this invocation (tool + its params) may change the device. */
    public boolean mutates(JsonNode params) {
        return switch (effect) {
            case MUTATING -> true;
            case READ_ONLY -> false;
            case BY_ACTION -> {
                String action = params == null ? null : params.path("action").asText(null);
                yield action == null || !READ_ONLY_ACTIONS.contains(action);
            }
        };
    }
}
