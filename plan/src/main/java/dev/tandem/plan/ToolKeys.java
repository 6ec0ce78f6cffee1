package dev.tandem.plan;

import dev.tandem.protocol.ToolDescriptors;

import dev.tandem.protocol.Tool;
import java.util.List;

/** The params a plan step of each tool may give, as the validator accepts them (for audits and references). */
public final class ToolKeys {
    private ToolKeys() {}

    /** Every param key a step of {@code tool} accepts besides the step keys (device, label, optional). */
    public static List<String> params(Tool tool) {
        return List.copyOf(ToolDescriptors.of(tool).params().keySet());
    }
}
