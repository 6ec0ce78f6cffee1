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

    static String stepEnd(JsonNode e, Style s, Map<String, String> devices) {
        String status = e.path("status").asText();
        String mark = switch (status) {
            case "passed" -> s.green("✓");
            case "warned" -> s.yellow("!");
            case "cancelled" -> s.yellow("⊘");
            default -> s.red("✗");
        };
        StringBuilder sb = new StringBuilder("[").append(who(e.path("device").asText(), devices)).append("] ").append(mark)
                .append(' ').append(e.path("tool").asText());
        String label = e.path("label").asText("");
        if (!label.isEmpty() && !label.equals(e.path("tool").asText())) sb.append(" \"").append(label).append('"');
        sb.append(s.dim(" (plan " + e.path("planStep").asInt() + ", " + e.path("durationMs").asLong() + " ms)"));
        if (!status.equals("passed") && e.has("error")) {
            sb.append("\n      ").append(s.red(e.path("error").path("code").asText())).append(": ")
                    .append(e.path("error").path("message").asText());
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
