package dev.tandem.protocol;

import java.util.List;
import java.util.Map;

/**
 * Everything Tandem says about one tool, in one place: what it does, the params a plan step, a
 * one-shot command or an MCP call may give it (types, docs, which are required, how it takes a
 * selector), whether it mutates, its default timeout, and where it is exposed. The plan validator, {@code tandem tap|type|…} and the MCP tool schemas are all
 * projections of these rows ({@link ToolDescriptors}).
 *
 * @param params every param key, including {@code timeout} and the selector keys
 * @param oneOf keys of which at least one is required (empty: no such rule)
 * @param inlineSelectorKeys the selector keys that may stand directly among the params
 * @param allowedKeys everything a plan step of this tool may contain, for "allowed keys" hints
 */
public record ToolDescriptor(Tool tool, String summary, ToolTraits traits, Map<String, ParamSpec> params, List<String> required,
        List<String> oneOf, String oneOfHint, SelectorUse selector, List<String> inlineSelectorKeys, List<String> allowedKeys,
        Exposure exposure) {

    public enum SelectorUse { NONE, OPTIONAL, REQUIRED }

    /**
     * Where the tool is offered besides plans.
     *
     * @param mcpName the MCP tool's name ({@code tap}), or null: not an MCP device tool
     * @param command the one-shot CLI command ({@code tandem tap}), or null: none
     * @param positional the param the command's positional argument fills ({@code text} for {@code type}), or null
     */
    public record Exposure(String mcpName, String command, String positional) {
        public static final Exposure PLAN_ONLY = new Exposure(null, null, null);
    }

    public boolean mutating() {
        return traits.effect() != ToolTraits.Effect.READ_ONLY;
    }

    public long defaultTimeoutMs() {
        return traits.defaultTimeoutMs();
    }

    public boolean takesSelector() {
        return selector != SelectorUse.NONE;
    }
}
