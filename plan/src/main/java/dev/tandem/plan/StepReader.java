package dev.tandem.plan;

import dev.tandem.protocol.ParamSpec;
import dev.tandem.protocol.ToolDescriptors;

import dev.tandem.protocol.Suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.Tool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Normalises one entry of a step list into a {@link Step}: inline params and {@code params:}
 * merged ({@code params} wins), the step keys taken out, devices checked against the
 * declaration, sync blocks read with their nested steps.
 */
final class StepReader {
    private static final ParamSpec TOOL = ParamSpec.string("tool", "tapOn");
    private static final ParamSpec DEVICE = ParamSpec.string("device", "A");
    private static final ParamSpec LABEL = ParamSpec.string("label", "\"Tap send\"");
    private static final ParamSpec OPTIONAL = ParamSpec.bool("optional");

    /** Tool names Maestro and Playwright users reach for, and what Tandem calls them (keys lower-case). */
    static final Map<String, String> HABITS = Map.of(
            "tap", "'tapOn'",
            "click", "'tapOn'",
            "fill", "'inputText' with replace: true",
            "goto", "'launchApp' with url: https://...",
            "takescreenshot", "'screenshot'",
            "back", "'pressButton' with button: back");

    private final Problems problems;
    private final ParamChecker checker;
    private final List<String> declared;
    private final Set<String> declaredSet;
    private final boolean devicesKnown;
    private final BlockReader blocks;

    /**
     * Where a step stands when it is inside a control block.
     *
     * @param block the innermost block's tool name (for messages)
     * @param device the block's device, which its steps run on; null when it has none (single-device plan, or broken)
     * @param depth how many blocks enclose the step (1: directly in a top-level block)
     */
    record Nest(String block, String device, int depth) {}

    /**
     * @param declared the plan's device labels; empty for a single-device plan
     * @param devicesKnown false when the plan's {@code devices} key is too broken to check steps against
     */
    StepReader(Problems problems, List<String> declared, boolean devicesKnown) {
        this.problems = problems;
        this.checker = new ParamChecker(problems);
        this.declared = declared;
        this.declaredSet = new HashSet<>(declared);
        this.devicesKnown = devicesKnown;
        this.blocks = new BlockReader(problems, checker, this);
    }

    /** The step, or null when it is too broken to build (its problems are recorded). */
    Step read(YNode node, int planIndex, int nestedIndex) {
        return read(node, planIndex, nestedIndex, null);
    }

    /** As above, for a step inside a control block ({@code nest}; null: not in one). */
    Step read(YNode node, int planIndex, int nestedIndex, Nest nest) {
        if (FlowIncluder.isFailed(node) || MaestroHints.report(node, problems)) return null; // already said, or said better
        if (!(node instanceof YNode.Map m)) {
            problems.add(Messages.stepNotMapping(node.pos(), node.describe()));
            return null;
        }
        Tool tool = tool(m);
        Map<String, YNode.Entry> fields = fields(m);
        YNode.Entry device = fields.remove("device");
        YNode.Entry labelEntry = fields.remove("label");
        YNode.Entry optional = fields.remove("optional");
        String label = labelEntry == null ? null : checker.text(LABEL, labelEntry.value());
        if (BlockReader.isBlock(tool)) {
            if (nestedIndex >= 0 && nest == null) {
                problems.add(BlockMessages.blockInSection(m.pos(), tool.wireName()));
                return null;
            }
            return blocks.read(m, tool, fields, device, optional, label, planIndex, nestedIndex, nest);
        }
        if (tool == Tool.CRITICAL_SECTION || tool == Tool.BARRIER) {
            if (nest != null) {
                problems.add(BlockMessages.syncInBlock(m.pos(), tool.wireName(), nest.block()));
                return null;
            }
            if (nestedIndex >= 0) {
                problems.add(Messages.nestedSync(m.pos(), tool.wireName()));
                return null;
            }
            if (device != null) problems.add(Messages.syncDevice(device.keyPos(), tool));
            if (optional != null) problems.add(Messages.syncOptional(optional.keyPos(), tool));
            if (declared.isEmpty() && devicesKnown) problems.add(Messages.syncWithoutDevices(m.pos(), tool));
            return tool == Tool.BARRIER ? barrier(m, fields, planIndex, label) : section(m, fields, planIndex, label);
        }
        String deviceLabel = device(device, m.pos(), nest);
        boolean opt = false;
        if (optional != null) {
            JsonNode b = checker.value(OPTIONAL, optional.value());
            opt = b != null && b.booleanValue();
        }
        if (tool == null) return null;
        ObjectNode params = checker.params(ToolDescriptors.of(tool), fields, m.pos());
        ValueChecks.check(tool, fields, params, m.pos(), problems);
        Long timeoutMs = params.has("timeout") ? params.get("timeout").longValue() : null;
        if (tool == Tool.WAIT && timeoutMs != null && params.path("ms").asLong(0) > timeoutMs) {
            YNode.Entry ms = fields.get("ms");
            problems.add(Messages.waitPastTimeout(ms != null ? ms.value().pos() : m.pos(), params.path("ms").asLong(), timeoutMs));
        }
        return new ToolStep(planIndex, nestedIndex, tool, deviceLabel, label, params, opt, timeoutMs, m.pos());
    }

    /** The step's tool, or null (with a problem) when it is missing, unknown or not for plans. */
    private Tool tool(YNode.Map m) {
        YNode.Entry e = m.get("tool");
        if (e == null) {
            problems.add(Messages.missingTool(m.pos()));
            return null;
        }
        String name = checker.text(TOOL, e.value());
        if (name == null) return null;
        Tool tool = Tool.byName(name).orElse(null);
        String habit = tool == null ? HABITS.get(name.toLowerCase(java.util.Locale.ROOT)) : null;
        if (habit != null) {
            problems.add(Messages.habitTool(e.value().pos(), name, habit));
            return null;
        }
        if (tool == null) {
            List<String> names = Tool.planTools().stream().map(Tool::wireName).toList();
            problems.add(Messages.unknownTool(e.value().pos(), name, Suggest.closest(name, names)));
            return null;
        }
        if (!tool.traits().inPlans()) {
            problems.add(Messages.toolNotInPlans(e.value().pos(), name));
            return null;
        }
        return tool;
    }

    /** Everything but {@code tool} and {@code params}, with the keys under {@code params} winning. */
    private Map<String, YNode.Entry> fields(YNode.Map m) {
        Map<String, YNode.Entry> fields = new LinkedHashMap<>();
        YNode.Entry params = null;
        for (YNode.Entry e : m.entries()) {
            switch (e.key()) {
                case "tool" -> {}
                case "params" -> params = e;
                default -> fields.put(e.key(), e);
            }
        }
        if (params != null) {
            if (params.value() instanceof YNode.Map pm) {
                for (YNode.Entry e : pm.entries()) fields.put(e.key(), e);
            } else if (!(params.value() instanceof YNode.Scalar s && s.kind() == YNode.Kind.NULL)) {
                problems.add(Messages.wrongType(params.value().pos(), "params", "a mapping", params.value().describe(),
                        "{text: \"OK\"}"));
            }
        }
        return fields;
    }

    /**
     * The device label of a step or block, checked against the declaration (problems recorded).
     * Inside a block the block's device is the default, and naming another one is an error.
     */
    String device(YNode.Entry device, SourcePos stepPos, Nest nest) {
        if (nest != null) {
            if (device == null) return nest.device();
            String label = checker.text(DEVICE, device.value());
            if (label != null && nest.device() != null && !label.equals(nest.device())) {
                problems.add(BlockMessages.blockDeviceMismatch(device.value().pos(), label, nest.block(), nest.device()));
                return nest.device();
            }
            if (label == null || nest.device() != null) return label;
        }
        return device(device, stepPos);
    }

    private String device(YNode.Entry device, SourcePos stepPos) {
        if (device == null) {
            if (!declared.isEmpty()) problems.add(Messages.missingDevice(stepPos, declared));
            return null;
        }
        String label = checker.text(DEVICE, device.value());
        if (label == null || !devicesKnown) return label;
        if (declared.isEmpty()) problems.add(Messages.deviceWithoutDevices(device.keyPos()));
        else checkDeclared(label, device.value().pos());
        return label;
    }

    private void checkDeclared(String label, SourcePos pos) {
        if (!declaredSet.contains(label)) {
            problems.add(Messages.undeclaredDevice(pos, label, Suggest.closest(label, declared), declared));
        }
    }

    private CriticalSection section(YNode.Map m, Map<String, YNode.Entry> fields, int planIndex, String label) {
        ObjectNode params = checker.params(ToolDescriptors.of(Tool.CRITICAL_SECTION), fields, m.pos());
        List<ToolStep> steps = new ArrayList<>();
        boolean everyStepHasDevice = true;
        YNode.Entry stepsEntry = fields.get("steps");
        if (stepsEntry != null) {
            if (!(stepsEntry.value() instanceof YNode.Seq seq)) {
                problems.add(Messages.wrongType(stepsEntry.value().pos(), "steps", "a list of steps",
                        stepsEntry.value().describe(), ParamSpec.steps("steps").example()));
            } else if (seq.items().isEmpty()) {
                problems.add(Messages.emptyList(seq.pos(), "steps", "a criticalSection needs at least one step"));
            } else {
                for (int i = 0; i < seq.items().size(); i++) {
                    Step s = read(seq.items().get(i), planIndex, i);
                    if (s instanceof ToolStep ts) {
                        steps.add(ts);
                        everyStepHasDevice &= ts.device() != null;
                    } else {
                        everyStepHasDevice = false;
                    }
                }
            }
        }
        YNode.Entry count = fields.get("deviceCount");
        if (count != null && params.has("deviceCount") && everyStepHasDevice && !steps.isEmpty() && !declared.isEmpty()) {
            LinkedHashSet<String> found = new LinkedHashSet<>();
            for (ToolStep s : steps) found.add(s.device());
            long want = params.get("deviceCount").longValue();
            if (want != found.size()) problems.add(Messages.deviceCountMismatch(count.value().pos(), want, List.copyOf(found)));
        }
        String lock = params.has("lock") ? params.get("lock").asText() : null;
        return new CriticalSection(planIndex, lock, List.copyOf(steps), timeout(params, Tool.CRITICAL_SECTION), label, m.pos());
    }

    private Barrier barrier(YNode.Map m, Map<String, YNode.Entry> fields, int planIndex, String label) {
        ObjectNode params = checker.params(ToolDescriptors.of(Tool.BARRIER), fields, m.pos());
        List<String> devices = declared;
        YNode.Entry listed = fields.get("devices");
        if (listed != null) devices = barrierDevices(listed.value());
        String name = params.has("name") ? params.get("name").asText() : null;
        return new Barrier(planIndex, devices, timeout(params, Tool.BARRIER), label != null ? label : name, m.pos());
    }

    private List<String> barrierDevices(YNode value) {
        if (!(value instanceof YNode.Seq seq)) {
            problems.add(Messages.wrongType(value.pos(), "devices", "a list of device labels", value.describe(),
                    "[\"A\", \"B\"]"));
            return List.of();
        }
        if (seq.items().isEmpty()) {
            problems.add(Messages.emptyList(seq.pos(), "devices",
                    "list the devices that meet here, or remove 'devices' to mean every declared device"));
            return List.of();
        }
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        for (YNode item : seq.items()) {
            String label = checker.text(DEVICE, item);
            if (label == null) continue;
            if (!labels.add(label)) problems.add(Messages.duplicateListedDevice(item.pos(), label));
            else if (!declared.isEmpty()) checkDeclared(label, item.pos());
        }
        return List.copyOf(labels);
    }

    private static long timeout(ObjectNode params, Tool tool) {
        JsonNode t = params.get("timeout");
        return t != null ? t.longValue() : tool.traits().defaultTimeoutMs();
    }
}
