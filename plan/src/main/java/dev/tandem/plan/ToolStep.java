package dev.tandem.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Tool;

/**
 * A step that runs one tool on one device.
 *
 * @param device the label it runs on; null in a single-device plan
 * @param params the tool's params: inline keys and {@code params:} merged ({@code params} wins),
 *     without the step keys ({@code tool}, {@code device}, {@code label}, {@code optional}, {@code timeout})
 * @param timeoutMs the step's own bound; null means the tool's default from its traits
 * @param nestedIndex position inside its critical section, or -1 for a top-level step
 */
public record ToolStep(
        int planIndex,
        int nestedIndex,
        Tool tool,
        String device,
        String label,
        ObjectNode params,
        boolean optional,
        Long timeoutMs,
        SourcePos pos) implements Step {

    /** The bound on this step: its own timeout, or the tool's default. */
    public long effectiveTimeoutMs() {
        return timeoutMs != null ? timeoutMs : tool.traits().defaultTimeoutMs();
    }
}
