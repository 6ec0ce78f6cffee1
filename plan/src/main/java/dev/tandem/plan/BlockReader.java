package dev.tandem.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ParamSpec;
import dev.tandem.protocol.Tool;
import dev.tandem.protocol.ToolDescriptors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a control block ({@code repeat}, {@code retry}, {@code when}): its params checked against
 * its row of the tool table, its caps, and its steps read by the step reader with the block's
 * device as theirs. A sync point inside is refused by the step reader (it knows the nesting).
 */
final class BlockReader {
    /** Blocks inside blocks, at most this deep: enough for a retry around a repeat, and bounded. */
    static final int MAX_DEPTH = 4;

    private final Problems problems;
    private final ParamChecker checker;
    private final StepReader steps;

    BlockReader(Problems problems, ParamChecker checker, StepReader steps) {
        this.problems = problems;
        this.checker = checker;
        this.steps = steps;
    }

    static boolean isBlock(Tool tool) {
        return tool == Tool.REPEAT || tool == Tool.RETRY || tool == Tool.WHEN;
    }

    Block read(YNode.Map m, Tool tool, Map<String, YNode.Entry> fields, YNode.Entry device, YNode.Entry optional, String label,
            int planIndex, int nestedIndex, StepReader.Nest outer) {
        int depth = outer == null ? 1 : outer.depth() + 1;
        if (depth > MAX_DEPTH) {
            problems.add(BlockMessages.tooDeep(m.pos(), tool.wireName(), MAX_DEPTH));
            return null;
        }
        if (optional != null) problems.add(BlockMessages.blockOptional(optional.keyPos(), tool.wireName()));
        String deviceLabel = steps.device(device, m.pos(), outer);
        ObjectNode params = checker.params(ToolDescriptors.of(tool), fields, m.pos());
        Block.Kind kind = switch (tool) {
            case REPEAT -> Block.Kind.REPEAT;
            case RETRY -> Block.Kind.RETRY;
            default -> Block.Kind.WHEN;
        };
        Integer times = capped(fields, params, "times", ToolDescriptors.MAX_REPEAT_TIMES);
        Integer retries = capped(fields, params, "maxRetries", ToolDescriptors.MAX_RETRIES);
        List<Step> body = body(fields.get("steps"), planIndex, new StepReader.Nest(tool.wireName(), deviceLabel, depth));
        long timeout = params.has("timeout") ? params.get("timeout").longValue() : ToolDescriptors.BLOCK_TIMEOUT_MS;
        return new Block(planIndex, nestedIndex, kind, deviceLabel, times, look(params.get("while")),
                retries != null ? retries : 1, look(params.get("visible")), look(params.get("notVisible")),
                params.path("platform").asText(null), body, timeout, label, m.pos());
    }

    /** An integer param within its cap; null when absent or wrong (the wrong value is reported). */
    private Integer capped(Map<String, YNode.Entry> fields, ObjectNode params, String key, int max) {
        JsonNode v = params.get(key);
        if (v == null) return null;
        if (v.longValue() > max) {
            problems.add(BlockMessages.overCap(fields.get(key).value().pos(), key, v.longValue(), max));
            return null;
        }
        return v.intValue();
    }

    private List<Step> body(YNode.Entry entry, int planIndex, StepReader.Nest nest) {
        List<Step> out = new ArrayList<>();
        if (entry == null) return out; // reported as a missing param
        if (!(entry.value() instanceof YNode.Seq seq)) {
            problems.add(Messages.wrongType(entry.value().pos(), "steps", "a list of steps", entry.value().describe(),
                    ParamSpec.steps("steps").example()));
            return out;
        }
        if (seq.items().isEmpty()) {
            problems.add(Messages.emptyList(seq.pos(), "steps", "a " + nest.block() + " block needs at least one step"));
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            Step s = steps.read(seq.items().get(i), planIndex, i, nest);
            if (s != null) out.add(s);
        }
        return out;
    }

    /** The params of the look that checks a condition: {@code {selector: ...}}; null when the condition is not given. */
    private static ObjectNode look(JsonNode selector) {
        if (selector == null) return null;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("selector", selector);
        return o;
    }
}
