package dev.tandem.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas projected from the tool table: the input of an MCP call of a device tool is its
 * params plus the device it acts on and, for tools that take a selector, a ref from the caller's
 * latest snapshot.
 */
final class ToolSchemas {
    private ToolSchemas() {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static ObjectNode input(ToolDescriptor d) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        props.putObject("device").put("type", "string")
                .put("description", "The device to act on (an id from `acquire`, e.g. sim-1); it must be leased by this session.");
        required.add("device");
        if (d.takesSelector()) {
            props.putObject("ref").put("type", "string")
                    .put("description", "An element of your latest snapshot of the device, e.g. @e3 (instead of selector keys).");
        }
        for (ParamSpec p : d.params().values()) {
            if (p.type() == ParamSpec.Type.LABELS || p.type() == ParamSpec.Type.STEPS) continue;
            props.set(p.name(), property(p));
        }
        d.required().forEach(required::add);
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    static ObjectNode property(ParamSpec p) {
        ObjectNode o = NODES.objectNode();
        switch (p.type()) {
            case STRING -> o.put("type", "string");
            case PATTERN -> o.put("type", "string");
            case INT -> o.put("type", "integer").put("minimum", p.min());
            case BOOL -> o.put("type", "boolean");
            case CHOICE -> {
                o.put("type", "string");
                ArrayNode values = o.putArray("enum");
                p.choices().forEach(values::add);
            }
            case SELECTOR -> {
                ArrayNode any = o.putArray("anyOf");
                any.addObject().put("type", "string");
                ObjectNode obj = any.addObject().put("type", "object");
                ObjectNode fields = obj.putObject("properties");
                fields.set("text", property(ToolDescriptors.SELECTOR_TEXT));
                for (ParamSpec f : ToolDescriptors.SELECTOR_FIELDS) fields.set(f.name(), property(f));
                obj.put("additionalProperties", false);
            }
            case OBJECT -> {
                o.put("type", "object");
                ObjectNode fields = o.putObject("properties");
                for (ParamSpec f : p.fields()) fields.set(f.name(), property(f));
                o.put("additionalProperties", false);
            }
            case STRING_MAP -> o.put("type", "object").putObject("additionalProperties").put("type", "string");
            case LABELS, STEPS -> throw new IllegalArgumentException(p.name() + " is not an MCP parameter");
        }
        String doc = p.doc();
        if (p.type() == ParamSpec.Type.PATTERN) doc = doc.isEmpty() ? "Exact, or /regex/ over the whole value." : doc;
        if (!doc.isEmpty()) o.put("description", doc);
        return o;
    }
}
