package dev.tandem.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A tool's traits, declared in its row of the tool table: whether a tool changes the device (so an unknown outcome must never be
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

    /** The tool's row of the tool table ({@link dev.tandem.protocol.ToolDescriptors}), which declares its traits. */
    public static ToolTraits of(Tool tool) {
        return dev.tandem.protocol.ToolDescriptors.of(tool).traits();
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
