package dev.tandem.plan;

import dev.tandem.protocol.ParamSpec;
import dev.tandem.protocol.ToolDescriptor;

import dev.tandem.protocol.Suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tandem.protocol.Selector;
import dev.tandem.protocol.TextMatch;
import java.util.List;
import java.util.Map;

/**
 * Checks values against {@link ParamSpec}s and turns them into the JSON params a step carries.
 * Every problem is recorded and checking goes on; a bad value is left out of the result.
 */
final class ParamChecker {
    private static final List<String> SELECTOR_KEYS = Selector.KEYS;
    /** The selector mapping's keys, from the tool table (one list for plans, CLI and MCP). */
    private static final Map<String, ParamSpec> SELECTOR_FIELDS = selectorFields();

    private static Map<String, ParamSpec> selectorFields() {
        Map<String, ParamSpec> fields = new java.util.HashMap<>();
        fields.put("text", dev.tandem.protocol.ToolDescriptors.SELECTOR_TEXT);
        for (ParamSpec f : dev.tandem.protocol.ToolDescriptors.SELECTOR_FIELDS) fields.put(f.name(), f);
        return Map.copyOf(fields);
    }

    /** Plain node factory: building params must not pay for an ObjectMapper's start-up. */
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Problems problems;

    ParamChecker(Problems problems) {
        this.problems = problems;
    }

    /** A step's params checked against its tool's row; {@code fields} is everything but the step keys. */
    ObjectNode params(ToolDescriptor schema, Map<String, YNode.Entry> fields, SourcePos stepPos) {
        String tool = schema.tool().wireName();
        ObjectNode out = NODES.objectNode();
        for (YNode.Entry e : fields.values()) {
            ParamSpec spec = schema.params().get(e.key());
            if (spec == null) {
                problems.add(Messages.unknownKey(e.keyPos(), e.key(), "in a " + tool + " step",
                        Suggest.closest(e.key(), schema.allowedKeys()), schema.allowedKeys(), null));
                continue;
            }
            if (spec.type() == ParamSpec.Type.LABELS || spec.type() == ParamSpec.Type.STEPS) continue;
            JsonNode v = value(spec, e.value());
            if (v != null) out.set(e.key(), v);
        }
        for (String key : schema.required()) {
            if (!fields.containsKey(key)) problems.add(Messages.missingParam(stepPos, tool, key, schema.params().get(key).example()));
        }
        if (!schema.oneOf().isEmpty() && schema.oneOf().stream().noneMatch(fields::containsKey)) {
            problems.add(Messages.missingOneOf(stepPos, tool, schema.oneOf(), schema.oneOfHint()));
        }
        if (schema.selector() != ToolDescriptor.SelectorUse.NONE) checkSelectorPlacement(schema, fields, stepPos);
        return out;
    }

    /** The selector is given once: under {@code selector} or inline, and names text, id or role. */
    private void checkSelectorPlacement(ToolDescriptor schema, Map<String, YNode.Entry> fields, SourcePos stepPos) {
        YNode.Entry nested = fields.get("selector");
        YNode.Entry firstInline = null;
        boolean inlineMatcher = false;
        for (String key : schema.inlineSelectorKeys()) {
            YNode.Entry e = fields.get(key);
            if (e == null) continue;
            if (firstInline == null) firstInline = e;
            inlineMatcher |= Selector.IDENTITY_KEYS.contains(key);
        }
        if (nested != null && firstInline != null) {
            problems.add(Messages.selectorTwice(firstInline.keyPos(), firstInline.key()));
        } else if (firstInline != null && !inlineMatcher) {
            problems.add(Messages.selectorEmpty(firstInline.keyPos()));
        } else if (nested == null && firstInline == null && schema.selector() == ToolDescriptor.SelectorUse.REQUIRED) {
            problems.add(Messages.selectorMissing(stepPos, schema.tool().wireName()));
        }
    }

    /** The value as JSON when it fits the spec; null (and a recorded problem) when it does not. */
    JsonNode value(ParamSpec spec, YNode node) {
        return switch (spec.type()) {
            case STRING, PATTERN -> {
                String s = text(spec, node);
                if (s == null) yield null;
                if (spec.type() == ParamSpec.Type.PATTERN) {
                    String err = TextMatch.error(s);
                    if (err != null) problems.add(Messages.badRegex(node.pos(), spec.name(), err));
                }
                yield TextNode.valueOf(s);
            }
            case INT -> integer(spec, node);
            case BOOL -> {
                if (node instanceof YNode.Scalar s && s.kind() == YNode.Kind.BOOL) yield BooleanNode.valueOf(s.asBool());
                yield wrong(spec, node);
            }
            case CHOICE -> {
                if (!(node instanceof YNode.Scalar s) || s.kind() == YNode.Kind.NULL) yield wrong(spec, node);
                if (spec.choices().contains(s.text())) yield TextNode.valueOf(s.text());
                problems.add(Messages.badChoice(node.pos(), spec.name(), s.text(), spec.choices(),
                        Suggest.closest(s.text(), spec.choices())));
                yield null;
            }
            case SELECTOR -> selector(spec, node);
            case OBJECT -> object(spec, node);
            case STRING_MAP -> {
                if (!(node instanceof YNode.Map m)) yield wrong(spec, node);
                ObjectNode out = NODES.objectNode();
                for (YNode.Entry e : m.entries()) {
                    String s = text(ParamSpec.string(e.key(), "\"value\""), e.value());
                    if (s != null) out.put(e.key(), s);
                }
                yield out;
            }
            case LABELS, STEPS -> throw new IllegalStateException(spec.name() + " is read by the step reader");
        };
    }

    /** A scalar's text (any non-empty scalar is a string); null and a problem otherwise. */
    String text(ParamSpec spec, YNode node) {
        if (node instanceof YNode.Scalar s && s.kind() != YNode.Kind.NULL) return s.text();
        wrong(spec, node);
        return null;
    }

    Long integerValue(ParamSpec spec, YNode node) {
        JsonNode v = integer(spec, node);
        return v == null ? null : v.longValue();
    }

    private JsonNode integer(ParamSpec spec, YNode node) {
        Long v = node instanceof YNode.Scalar s ? s.asLong() : null;
        if (v == null) return wrong(spec, node);
        if (v < spec.min()) {
            problems.add(Messages.tooSmall(node.pos(), spec.name(), spec.min(), ((YNode.Scalar) node).text()));
            return null;
        }
        return v == v.intValue() ? IntNode.valueOf(v.intValue()) : LongNode.valueOf(v);
    }

    private JsonNode selector(ParamSpec spec, YNode node) {
        if (node instanceof YNode.Scalar s && s.kind() != YNode.Kind.NULL) return value(ParamSpec.pattern("text", "\"OK\""), node);
        if (!(node instanceof YNode.Map m)) return wrong(spec, node);
        ObjectNode out = NODES.objectNode();
        boolean matcher = false;
        for (YNode.Entry e : m.entries()) {
            ParamSpec field = SELECTOR_FIELDS.get(e.key());
            if (field == null) {
                problems.add(Messages.unknownKey(e.keyPos(), e.key(), "in a selector", Suggest.closest(e.key(), SELECTOR_KEYS),
                        SELECTOR_KEYS, null));
                continue;
            }
            matcher |= Selector.IDENTITY_KEYS.contains(e.key());
            JsonNode v = value(field, e.value());
            if (v != null) out.set(e.key(), v);
        }
        if (!matcher) problems.add(Messages.selectorEmpty(node.pos()));
        return out;
    }

    private JsonNode object(ParamSpec spec, YNode node) {
        if (!(node instanceof YNode.Map m)) return wrong(spec, node);
        List<String> names = spec.fields().stream().map(ParamSpec::name).toList();
        ObjectNode out = NODES.objectNode();
        for (YNode.Entry e : m.entries()) {
            ParamSpec field = spec.fields().stream().filter(f -> f.name().equals(e.key())).findFirst().orElse(null);
            if (field == null) {
                problems.add(Messages.unknownKey(e.keyPos(), e.key(), "in '" + spec.name() + "'", Suggest.closest(e.key(), names),
                        names, null));
                continue;
            }
            JsonNode v = value(field, e.value());
            if (v != null) out.set(e.key(), v);
        }
        return out;
    }

    private JsonNode wrong(ParamSpec spec, YNode node) {
        problems.add(Messages.wrongType(node.pos(), spec.name(), spec.expected(), node.describe(), spec.example()));
        return null;
    }
}
