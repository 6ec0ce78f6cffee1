package dev.tandem.cli.render;

import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.result.StepStatus;
import java.util.Map;

/** The one-line forms of run events, shared by the plain and live renderers. */
final class StepLines {
    private StepLines() {}

    /** The name shown for a label: the device id for a single-device plan's implicit label. */
    static String who(String label, Map<String, String> devices) {
        return "default".equals(label) ? devices.getOrDefault(label, label) : label;
    }

    /** Where a step's start event is remembered until its end event (its target is only in the start). */
    static String key(RunEvent.Step e) {
        return e.device() + "/" + e.planStep() + "/" + e.trackStep();
    }

    /** The tool, what it acts on and its label: {@code tapOn "Sign in" · Log in}. */
    static String what(RunEvent.Step e, String target) {
        String tool = e.tool();
        StringBuilder sb = new StringBuilder(tool == null ? "" : tool);
        if (target != null && !target.isEmpty()) sb.append(' ').append(target);
        String label = e.label() == null ? "" : e.label();
        if (!label.isEmpty() && !label.equals(tool)) sb.append(" · ").append(label);
        return sb.toString();
    }

    /**
     * A finished step. A failed or cancelled step shows its code only: its message is printed once,
     * in the summary (and the {@code [PARALLEL_EXEC]} block). A warning (an optional step that
     * failed) is reported nowhere else, so it keeps its message.
     */
    static String stepEnd(RunEvent.Step e, String target, Style s, Map<String, String> devices) {
        StepStatus status = e.status();
        String mark = status == null ? s.red("✗") : switch (status) {
            case PASSED -> s.green("✓");
            case WARNED -> s.yellow("!");
            case CANCELLED -> s.yellow("⊘");
            case FAILED -> s.red("✗");
            case SKIPPED -> s.dim("–");
        };
        StringBuilder sb = new StringBuilder("[").append(who(e.device(), devices)).append("] ").append(mark)
                .append(' ').append(what(e, target));
        sb.append(s.dim(" (plan " + e.planStep() + iteration(e) + ", " + (e.durationMs() == null ? 0 : e.durationMs()) + " ms)"));
        if (status == StepStatus.SKIPPED) sb.append(s.dim(" skipped: its when block's condition did not hold"));
        if (status != StepStatus.PASSED && e.error() != null) {
            String code = e.error().code() == null ? "" : e.error().code().name();
            sb.append(' ').append(status == StepStatus.FAILED ? s.red(code) : s.yellow(code));
            if (status == StepStatus.WARNED) sb.append(": ").append(e.error().message());
        }
        return sb.toString();
    }

    /** Inside a repeat or retry block: {@code , iteration 2}; nothing outside one. */
    static String iteration(RunEvent.Step e) {
        return e.iteration() == null ? "" : ", iteration " + e.iteration();
    }

    static String waiting(RunEvent.Waiting e, Style s, Map<String, String> devices) {
        return "[" + who(e.device(), devices) + "] " + s.dim("⋯ waiting at " + e.kind().wireName() + " '" + e.name() + "'");
    }

    static String section(RunEvent.Section e, Style s, Map<String, String> devices) {
        return "[" + who(e.device(), devices) + "] " + s.bold("▶ in criticalSection '" + e.name()
                + "'") + s.dim(" (its steps run one at a time)");
    }
}
