package dev.tandem.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A control block inside one track: {@code repeat}, {@code retry} or {@code when}. Its steps are
 * tool steps or further blocks, all on the block's device; it holds no sync point (a barrier or
 * critical section met a varying number of times would break the one order every track meets
 * them in), so a plan with blocks stays deadlock-free by construction. Every block is bounded:
 * by its count, its iteration cap, and {@code timeoutMs} over all its iterations.
 *
 * @param nestedIndex position in the enclosing block, or -1 at the top level
 * @param device the label its steps run on; null in a single-device plan
 * @param times repeat: how many iterations (with {@code whileVisible}: at most); null when not given
 * @param whileVisible repeat: the selector that must be on screen for the next iteration to run; null when not given
 * @param maxRetries retry: how many more attempts after a failed one
 * @param visible when: the selector that must be on screen now; null when not given
 * @param notVisible when: the selector that must not be on screen now; null when not given
 * @param platform when: the platform the device must be; null when not given
 * @param timeoutMs bound on the whole block, all iterations included
 */
public record Block(
        int planIndex,
        int nestedIndex,
        Kind kind,
        String device,
        Integer times,
        ObjectNode whileVisible,
        int maxRetries,
        ObjectNode visible,
        ObjectNode notVisible,
        String platform,
        List<Step> steps,
        long timeoutMs,
        String label,
        SourcePos pos) implements Step {

    public Block {
        steps = List.copyOf(steps);
    }

    public enum Kind {
        REPEAT("repeat"), RETRY("retry"), WHEN("when");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** The most iterations this block can run: its {@code times}, its cap, or 1 + maxRetries. */
    public int maxIterations() {
        return switch (kind) {
            case REPEAT -> times != null ? times : dev.tandem.protocol.ToolDescriptors.MAX_WHILE_ITERATIONS;
            case RETRY -> 1 + maxRetries;
            case WHEN -> 1;
        };
    }
}
