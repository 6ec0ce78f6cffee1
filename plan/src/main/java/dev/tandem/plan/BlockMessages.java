package dev.tandem.plan;

/**
 * The diagnostics of control blocks (repeat, retry, when). Part of the loader's message table
 * ({@link Messages}): the wording is a contract that tests pin and docs/plan-format.md lists.
 */
final class BlockMessages {
    private BlockMessages() {}

    static Diagnostic syncInBlock(SourcePos pos, String tool, String block) {
        return new Diagnostic(pos, "a " + block + " block cannot contain a " + tool,
                "every device must meet a " + tool + " the same number of times; move it to the top level of 'steps',"
                        + " before or after the " + block + " block");
    }

    static Diagnostic blockInSection(SourcePos pos, String block) {
        return new Diagnostic(pos, "a criticalSection cannot contain a " + block + " block",
                "put the " + block + " block before or after the section, or repeat the section's steps one by one inside it");
    }

    static Diagnostic blockDeviceMismatch(SourcePos pos, String label, String block, String blockDevice) {
        return new Diagnostic(pos, "this step names device '" + Messages.clip(label) + "', but its " + block
                + " block runs on device '" + Messages.clip(blockDevice) + "'",
                "a block runs on one device: remove 'device' here (the block's applies), or give this step a block of its own");
    }

    static Diagnostic blockOptional(SourcePos pos, String block) {
        return new Diagnostic(pos, block + " cannot be optional",
                "remove 'optional' here and mark the steps inside the block optional instead");
    }

    static Diagnostic overCap(SourcePos pos, String key, long value, int max) {
        return new Diagnostic(pos, "'" + key + "' is " + value + ", over the limit of " + max,
                "use " + max + " or fewer: every block is bounded, so that a plan always ends");
    }

    static Diagnostic tooDeep(SourcePos pos, String block, int max) {
        return new Diagnostic(pos, "this " + block + " block is nested " + (max + 1) + " blocks deep, over the limit of " + max,
                "move the inner steps out into the enclosing block");
    }
}
