package dev.tandem.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The one-line forms of run events, shared by the plain and live renderers. */
final class StepLines {
    private StepLines() {}

    /** The name shown for a label: the device id for a single-device plan's implicit label. */
    static String who(String label, Map<String, String> devices) {
        return "default".equals(label) ? devices.getOrDefault(label, label) : label;
    }

    /** Where a step's start event is remembered until its end event (its target is only in the start). */
    static String key(JsonNode e) {
        return e.path("device").asText() + "/" + e.path("planStep").asInt() + "/" + e.path("trackStep").asInt();
    }

    /** The tool, what it acts on and its label: {@code tapOn "Sign in" · Log in}. */
    static String what(JsonNode e, String target) {
        String tool = e.path("tool").asText();
        StringBuilder sb = new StringBuilder(tool);
        if (target != null && !target.isEmpty()) sb.append(' ').append(target);
        String label = e.path("label").asText("");
        if (!label.isEmpty() && !label.equals(tool)) sb.append(" · ").append(label);
        return sb.toString();
    }

    /**
     * A finished step. A failed or cancelled step shows its code only: its message is printed once,
     * in the summary (and the {@code [PARALLEL_EXEC]} block). A warning (an optional step that
     * failed) is reported nowhere else, so it keeps its message.
     */
    static String stepEnd(JsonNode e, String target, Style s, Map<String, String> devices) {
        String status = e.path("status").asText();
        String mark = switch (status) {
            case "passed" -> s.green("✓");
            case "warned" -> s.yellow("!");
            case "cancelled" -> s.yellow("⊘");
            default -> s.red("✗");
        };
        StringBuilder sb = new StringBuilder("[").append(who(e.path("device").asText(), devices)).append("] ").append(mark)
                .append(' ').append(what(e, target));
        sb.append(s.dim(" (plan " + e.path("planStep").asInt() + ", " + e.path("durationMs").asLong() + " ms)"));
        if (!status.equals("passed") && e.has("error")) {
            String code = e.path("error").path("code").asText();
            sb.append(' ').append(status.equals("failed") ? s.red(code) : s.yellow(code));
            if (status.equals("warned")) sb.append(": ").append(e.path("error").path("message").asText());
        }
        return sb.toString();
    }

    static String waiting(JsonNode e, Style s, Map<String, String> devices) {
        return "[" + who(e.path("device").asText(), devices) + "] " + s.dim("⋯ waiting at " + e.path("kind").asText() + " '"
                + e.path("name").asText() + "'");
    }

    static String section(JsonNode e, Style s, Map<String, String> devices) {
        return "[" + who(e.path("device").asText(), devices) + "] " + s.bold("▶ in criticalSection '" + e.path("name").asText()
                + "'") + s.dim(" (its steps run one at a time)");
    }
}
