package dev.tandem.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * The JSON-Schema validator given to the SDK: it accepts every value. A call's params are checked
 * by the daemon with the plan validator (the same messages and codes as a plan step's) and the
 * MCP-only keys by the tools themselves; a second, generic check would answer the same mistake in
 * another words and without Tandem's error codes. It also keeps the SDK's schema library (and its
 * YAML and date dependencies) out of the distribution.
 */
public final class PassThroughSchemas implements JsonSchemaValidator {
    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return ValidationResponse.asValid(null);
    }
}
