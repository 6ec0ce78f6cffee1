package dev.tandem.plan;

import java.util.List;

/**
 * The diagnostics of parameters, sub-flows and tags, beside {@link Messages} (same contract: the
 * wording is pinned by tests and listed in docs/plan-format.md §9).
 */
final class FlowMessages {
    private FlowMessages() {}

    // ---- parameters

    static Diagnostic paramUndefined(SourcePos pos, String name) {
        return new Diagnostic(pos, "parameter '${" + Messages.clip(name) + "}' is not defined",
                "pass -e " + name + "=VALUE, add " + name + " under 'env:', set " + name + " in the environment, or write ${"
                        + name + ":-default}");
    }

    static Diagnostic paramUnclosed(SourcePos pos, String value) {
        return new Diagnostic(pos, "'${' is not closed in '" + Messages.clip(value) + "'",
                "write ${NAME} with its '}', or $${ for a literal ${");
    }

    static Diagnostic paramBadName(SourcePos pos, String inner) {
        return new Diagnostic(pos, "'${" + Messages.clip(inner) + "}' does not name a parameter",
                "a name is letters, digits and '_', not starting with a digit, e.g. ${USER_EMAIL} or ${USER_EMAIL:-alice@example.com}");
    }

    static Diagnostic envBadName(SourcePos pos, String key) {
        return new Diagnostic(pos, "'" + Messages.clip(key) + "' in 'env' is not a parameter name",
                "a name is letters, digits and '_', not starting with a digit, e.g. USER_EMAIL");
    }

    // ---- sub-flows

    static Diagnostic flowNotFound(SourcePos pos, String file, String looked) {
        return new Diagnostic(pos, "runFlow file '" + Messages.clip(file) + "' not found",
                "the path is relative to the including file's directory; looked for " + Messages.clip(looked));
    }

    static Diagnostic flowCycle(SourcePos pos, List<String> chain) {
        return new Diagnostic(pos, "runFlow cycle: " + String.join(" → ", chain),
                "a flow cannot include itself, directly or through other flows; remove this runFlow");
    }

    static Diagnostic flowTooDeep(SourcePos pos, int max) {
        return new Diagnostic(pos, "runFlow nests deeper than " + max + " flows",
                "include the inner flows from a flow nearer the plan, or merge some of them");
    }

    static Diagnostic flowTooLarge(SourcePos pos, long max) {
        return new Diagnostic(pos, "the sub-flows expand the plan past " + max + " nodes",
                "include fewer or smaller flows; a flow included n times counts n times");
    }

    static Diagnostic flowTooManyBytes(SourcePos pos, long max) {
        return new Diagnostic(pos, "the sub-flows of this plan are over " + max + " bytes in all",
                "split the suite into smaller plans");
    }

    static Diagnostic flowNeedsFile(SourcePos pos, String found) {
        return new Diagnostic(pos, "'runFlow' must name a file, found " + found,
                "write runFlow: flows/login.yaml, or runFlow: {file: flows/login.yaml, env: {...}, device: A}");
    }

    static Diagnostic flowKeyTwice(SourcePos pos, String key) {
        return new Diagnostic(pos, "'" + key + "' is given twice: beside 'runFlow' and inside it",
                "keep one of them");
    }

    static Diagnostic flowDevices(SourcePos pos) {
        return new Diagnostic(pos, "a sub-flow cannot declare 'devices'",
                "declare the devices in the plan that includes it; a flow's steps use them, or runFlow's device: puts them on one");
    }

    static Diagnostic flowDeviceClash(SourcePos pos, String stepDevice, String flowDevice) {
        return new Diagnostic(pos, "this step runs on device '" + Messages.clip(stepDevice) + "', but its flow is included with device: "
                        + Messages.clip(flowDevice),
                "remove 'device' from the step, or include the flow without 'device'");
    }

    // ---- tags

    static Diagnostic badTag(SourcePos pos, String tag) {
        return new Diagnostic(pos, "tag '" + Messages.clip(tag) + "' is not a tag name",
                "a tag is letters, digits, '.', '_', '-' and ':', e.g. smoke (a '!' belongs to --tags, where it excludes)");
    }
}
