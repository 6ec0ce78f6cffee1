package dev.tandem.plan;

import dev.tandem.protocol.Tool;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every diagnostic the plan loader reports, in one place: the wording is a contract (tests pin
 * it, docs/plan-format.md lists it), so no other class builds message text.
 */
final class Messages {
    private Messages() {}

    static final String PLAN_TOOLS = Tool.planTools().stream().map(Tool::wireName).collect(Collectors.joining(", "));

    // ---- reading the file

    static Diagnostic fileNotFound(SourcePos pos) {
        return new Diagnostic(pos, "plan file not found", "check the path; a plan is a YAML file");
    }

    static Diagnostic fileUnreadable(SourcePos pos, String reason) {
        return new Diagnostic(pos, "cannot read the plan file: " + reason, "check that the file exists and is readable");
    }

    static Diagnostic tooLarge(SourcePos pos, long bytes, long max) {
        return new Diagnostic(pos, "the plan is " + bytes + " bytes, over the " + max + "-byte (4 MiB) limit",
                "split it into smaller plans");
    }

    static Diagnostic notUtf8(SourcePos pos, int badByte) {
        return new Diagnostic(pos, String.format("the plan is not UTF-8 text: invalid byte 0x%02X", badByte & 0xff),
                "save the plan as UTF-8 YAML text");
    }

    static Diagnostic badCharacter(SourcePos pos, int codePoint) {
        return new Diagnostic(pos, String.format("the plan contains the character U+%04X, which YAML does not allow", codePoint),
                "remove it (a binary file is not a plan)");
    }

    // ---- YAML structure

    static Diagnostic syntax(SourcePos pos, String problem, String context) {
        String where = context == null || context.isBlank() ? "" : " " + context.strip();
        return new Diagnostic(pos, "YAML syntax error" + where + ": " + problem.strip(),
                "check the indentation, colons, quotes and brackets at this position");
    }

    static Diagnostic multipleDocuments(SourcePos pos) {
        return new Diagnostic(pos, "the plan file holds more than one YAML document",
                "a plan is one document: put what follows the '---' into the first document (steps under 'steps:'), or split the documents into files");
    }

    static Diagnostic undefinedAlias(SourcePos pos, String name) {
        return new Diagnostic(pos, "alias '*" + name + "' refers to no anchor",
                "define '&" + name + "' on a value before the alias uses it");
    }

    static Diagnostic tooManyAliases(SourcePos pos, int max) {
        return new Diagnostic(pos, "the plan uses more than " + max + " aliases of lists and mappings",
                "use fewer aliases, or split the plan");
    }

    static Diagnostic expansionTooLarge(SourcePos pos, int max) {
        return new Diagnostic(pos, "alias expansion exceeds " + max + " nodes",
                "aliases that repeat other aliases multiply; expand less (a 'billion laughs' document is rejected on purpose)");
    }

    static Diagnostic tooDeep(SourcePos pos, int max) {
        return new Diagnostic(pos, "the plan nests deeper than " + max + " levels", "flatten the nested lists and mappings");
    }

    static Diagnostic recursiveAlias(SourcePos pos, String anchor) {
        return new Diagnostic(pos, "alias '*" + anchor + "' is recursive: it appears inside its own anchor",
                "an alias must refer to a value defined outside of itself");
    }

    static Diagnostic unsupportedTag(SourcePos pos, String tag) {
        return new Diagnostic(pos, "unsupported YAML tag '" + tag + "'",
                "remove the tag; plans use plain strings, numbers, booleans, lists and mappings");
    }

    static Diagnostic complexKey(SourcePos pos, String found) {
        return new Diagnostic(pos, "a mapping key must be a plain value, found " + found, "write keys as plain words, e.g. 'tool:'");
    }

    static Diagnostic duplicateKey(SourcePos pos, String key, SourcePos first) {
        return new Diagnostic(pos, "duplicate key '" + key + "' (first written at " + lineCol(first) + ")",
                "remove one of them; to override a key merged with '<<', write it once beside the '<<'");
    }

    static Diagnostic badMerge(SourcePos pos, String found) {
        return new Diagnostic(pos, "'<<' must merge a mapping or a list of mappings, found " + found,
                "write '<<: *name' where '&name' is defined on a mapping");
    }

    // ---- plan shape

    static Diagnostic emptyPlan(SourcePos pos) {
        return new Diagnostic(pos, "the plan is empty",
                "write a mapping with a 'steps' list, e.g. steps: [{tool: launchApp, appId: com.example.app}]");
    }

    static Diagnostic rootNotMapping(SourcePos pos, String found) {
        return new Diagnostic(pos, "the plan must be a mapping with a 'steps' list, found " + found,
                "if these are the steps, put them under 'steps:'");
    }

    static Diagnostic missingSteps(SourcePos pos) {
        return new Diagnostic(pos, "the plan has no 'steps'", "add a 'steps' list with at least one step");
    }

    static Diagnostic emptyList(SourcePos pos, String key, String hint) {
        return new Diagnostic(pos, "'" + key + "' is empty", hint);
    }

    static Diagnostic unknownKey(SourcePos pos, String key, String where, String suggestion, Collection<String> allowed, String note) {
        String hint = didYouMean(suggestion) + "allowed keys: " + String.join(", ", allowed) + (note == null ? "" : "; " + note);
        return new Diagnostic(pos, "unknown key '" + clip(key) + "' " + where, hint);
    }

    static Diagnostic wrongType(SourcePos pos, String key, String expected, String found, String example) {
        return new Diagnostic(pos, "'" + key + "' must be " + expected + ", found " + found, "write it as " + key + ": " + example);
    }

    static Diagnostic badChoice(SourcePos pos, String key, String value, List<String> choices, String suggestion) {
        return new Diagnostic(pos, "'" + key + "' must be one of " + String.join(", ", choices) + ", found '" + clip(value) + "'",
                suggestion != null ? "did you mean '" + suggestion + "'?" : "use one of: " + String.join(", ", choices));
    }

    static Diagnostic tooSmall(SourcePos pos, String key, long min, String value) {
        return new Diagnostic(pos, "'" + key + "' must be at least " + min + ", found " + value,
                min == 0 ? "use 0 or more" : "use a value of " + min + " or more");
    }

    static Diagnostic waitPastTimeout(SourcePos pos, long ms, long timeoutMs) {
        return new Diagnostic(pos, "wait of " + ms + " ms cannot finish within its timeout of " + timeoutMs + " ms",
                "lower 'ms' to " + timeoutMs + " or less, or raise 'timeout' above " + ms + " (or remove it)");
    }

    static Diagnostic missingParam(SourcePos pos, String tool, String key, String example) {
        return new Diagnostic(pos, tool + " needs '" + key + "'", "add " + key + ": " + example);
    }

    static Diagnostic missingOneOf(SourcePos pos, String tool, List<String> keys, String hint) {
        return new Diagnostic(pos, tool + " needs " + keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(" or ")), hint);
    }

    // ---- steps

    static Diagnostic stepNotMapping(SourcePos pos, String found) {
        return new Diagnostic(pos, "a step must be a mapping with a 'tool', found " + found,
                "write a step as '- tool: NAME' followed by its parameters");
    }

    static Diagnostic missingTool(SourcePos pos) {
        return new Diagnostic(pos, "the step has no 'tool'", "add tool: NAME; plan tools: " + PLAN_TOOLS);
    }

    static Diagnostic unknownTool(SourcePos pos, String name, String suggestion) {
        return new Diagnostic(pos, "unknown tool '" + clip(name) + "'", didYouMean(suggestion) + "plan tools: " + PLAN_TOOLS);
    }

    /** A tool name from Maestro or Playwright: name the Tandem tool (and the params) that does the same. */
    static Diagnostic habitTool(SourcePos pos, String name, String instead) {
        return new Diagnostic(pos, "unknown tool '" + name + "'", "did you mean " + instead + "? plan tools: " + PLAN_TOOLS);
    }

    static Diagnostic toolNotInPlans(SourcePos pos, String name) {
        return new Diagnostic(pos, "tool '" + clip(name) + "' cannot be used in plans", "plan tools: " + PLAN_TOOLS);
    }

    static Diagnostic nestedSync(SourcePos pos, String tool) {
        return new Diagnostic(pos, "a criticalSection cannot contain a " + tool,
                "move the " + tool + " to the top level of 'steps', before or after the section");
    }

    static Diagnostic syncDevice(SourcePos pos, Tool tool) {
        return new Diagnostic(pos, tool + " takes no 'device'", tool == Tool.BARRIER
                ? "list its participants under 'devices' (default: every declared device)"
                : "its participants are the devices its steps name: set 'device' on those steps");
    }

    static Diagnostic syncOptional(SourcePos pos, Tool tool) {
        return new Diagnostic(pos, tool + " cannot be optional", tool == Tool.BARRIER
                ? "remove 'optional'" : "remove 'optional' here and mark the steps inside the section optional instead");
    }

    static Diagnostic selectorMissing(SourcePos pos, String tool) {
        return new Diagnostic(pos, tool + " needs a selector",
                "add text, id or role, inline or under 'selector', e.g. text: \"OK\"");
    }

    static Diagnostic selectorEmpty(SourcePos pos) {
        return new Diagnostic(pos, "a selector needs text, textContains, id or role",
                "add text, textContains, id or role; 'index' only picks the n-th (0-based) of their matches, and enabled, checked,"
                        + " focused, selected only narrow them");
    }

    static Diagnostic selectorTwice(SourcePos pos, String inlineKey) {
        return new Diagnostic(pos, "the selector is given twice: under 'selector' and inline ('" + inlineKey + "')",
                "keep one: either 'selector: {...}' or the inline text, id, role, index keys");
    }

    static Diagnostic badRegex(SourcePos pos, String key, String error) {
        return new Diagnostic(pos, "'" + key + "': " + error,
                "fix the pattern; a value written /like this/ is a regular expression matched over the whole value");
    }

    // ---- devices

    static Diagnostic emptyLabel(SourcePos pos) {
        return new Diagnostic(pos, "a device label is empty", "give each device a non-empty label, e.g. \"A\"");
    }

    static Diagnostic duplicateLabel(SourcePos pos, String label, SourcePos first) {
        return new Diagnostic(pos, "device '" + clip(label) + "' is declared twice (first at " + lineCol(first) + ")",
                "give each device its own label");
    }

    static Diagnostic duplicateListedDevice(SourcePos pos, String label) {
        return new Diagnostic(pos, "barrier lists device '" + clip(label) + "' twice", "list each device once");
    }

    static Diagnostic missingDevice(SourcePos pos, List<String> declared) {
        return new Diagnostic(pos, "the step has no 'device', but the plan declares 'devices'",
                "add device: LABEL (declared: " + String.join(", ", declared) + "), at the step's top level or under params");
    }

    static Diagnostic undeclaredDevice(SourcePos pos, String label, String suggestion, List<String> declared) {
        return new Diagnostic(pos, "device '" + clip(label) + "' is not declared", didYouMean(suggestion)
                + "declared devices: " + clip(String.join(", ", declared)) + "; add '" + clip(label) + "' to 'devices' if it is another device");
    }

    static Diagnostic deviceWithoutDevices(SourcePos pos) {
        return new Diagnostic(pos, "'device' is set, but the plan declares no 'devices'",
                "declare the devices at the top level, e.g. devices: [\"A\", \"B\"], or remove 'device' for a single-device plan");
    }

    static Diagnostic syncWithoutDevices(SourcePos pos, Tool tool) {
        return new Diagnostic(pos, tool + " needs a plan that declares 'devices'",
                "declare the devices at the top level, e.g. devices: [\"A\", \"B\"]; a single-device plan runs its steps in order and needs no " + tool);
    }

    static Diagnostic deviceCountMismatch(SourcePos pos, long count, List<String> found) {
        return new Diagnostic(pos, "deviceCount is " + count + ", but the section's steps name " + found.size()
                + (found.size() == 1 ? " device: " : " devices: ") + String.join(", ", found),
                "set deviceCount: " + found.size() + ", or give the section steps on the devices it should hold");
    }

    static Diagnostic startStepRange(SourcePos pos, long value, int steps) {
        String range = steps == 0 ? "none" : "0.." + (steps - 1);
        return new Diagnostic(pos, "startStep " + value + " is out of range: the plan has " + steps
                + (steps == 1 ? " top-level step" : " top-level steps") + " (" + range + ")",
                "startStep is the 0-based index of a top-level step; use " + range);
    }

    static Diagnostic tooManyRetries(SourcePos pos, long value) {
        return new Diagnostic(pos, "retries " + value + " is more than " + Plan.MAX_RETRIES,
                "use at most " + Plan.MAX_RETRIES + "; a plan that needs more is broken rather than flaky");
    }

    // ---- values checked beyond their type

    static Diagnostic tooLong(SourcePos pos, String what, int length, int max) {
        return new Diagnostic(pos, what + " is " + length + " characters long, over the limit of " + max,
                "shorten it to " + max + " characters or fewer");
    }

    static Diagnostic badFileName(SourcePos pos, String key, String value) {
        return new Diagnostic(pos, "'" + key + "' may hold only letters, digits, '.', '_', '-' and spaces, found '" + clip(value) + "'",
                "the name becomes a file name among the run's artifacts; e.g. " + key + ": after-login");
    }

    static Diagnostic escapingPath(SourcePos pos, String value) {
        return new Diagnostic(pos, "'path' must stay inside the run directory, found '" + clip(value) + "'",
                "write a relative path without '..', e.g. path: shots/after-login.png (it is resolved against OUTPUT/<run-id>/)");
    }

    static Diagnostic badUrl(SourcePos pos, String url, String problem) {
        return new Diagnostic(pos, "launchApp url '" + clip(url) + "' cannot be opened: " + problem,
                "write a URL a browser opens, e.g. https://example.com/page or data:text/html,<h1>Hi</h1>");
    }

    static Diagnostic appIdAndUrl(SourcePos pos) {
        return new Diagnostic(pos, "launchApp has both 'appId' and 'url'",
                "keep one: appId opens an installed app, url opens a web page");
    }

    static Diagnostic urlOnSim(SourcePos pos, String where) {
        return new Diagnostic(pos, "launchApp url opens a web page, but " + where + " runs on platform sim",
                "set platform: web for it (a sim opens installed apps by appId only)");
    }

    static Diagnostic profileOnSim(SourcePos pos) {
        return new Diagnostic(pos, "'profile' names a web device profile, but the plan's platform is sim",
                "set platform: web, or remove 'profile'");
    }

    static Diagnostic platformWithDevices(SourcePos pos, String key) {
        return new Diagnostic(pos, "top-level '" + key + "' is for single-device plans; this plan declares 'devices'",
                "give each device its own " + key + ", e.g. devices: [{label: A, " + key + ": "
                        + (key.equals("platform") ? "web" : "pixel-7") + "}]");
    }

    /** A user's value shown in a message: long values are cut (a 3 MB key must not be echoed whole). */
    static String clip(String s) {
        if (s == null || s.length() <= MAX_ECHO) return s;
        return s.substring(0, MAX_ECHO - 3) + "... (" + s.length() + " characters)";
    }

    static final int MAX_ECHO = 80;

    private static String didYouMean(String suggestion) {
        return suggestion == null ? "" : "did you mean '" + suggestion + "'? ";
    }

    private static String lineCol(SourcePos p) {
        return "line " + p.line() + ", column " + p.column();
    }
}
