package dev.tandem.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/** Append-only progress for CI logs and pipes: one line per finished step and sync point. */
public final class PlainRenderer implements RunRenderer {
    private final PrintStream out;
    private final Style style;
    private final Map<String, String> devices = new HashMap<>();
    private final Map<String, String> targets = new HashMap<>();

    public PlainRenderer(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
    }

    @Override
    public void onEvent(String type, JsonNode e) {
        switch (type) {
            case "allocated" -> e.path("devices").fields().forEachRemaining(f -> devices.put(f.getKey(), f.getValue().asText()));
            case "step" -> {
                if (e.path("phase").asText().equals("start")) targets.put(StepLines.key(e), e.path("target").asText(null));
                else out.println(StepLines.stepEnd(e, targets.remove(StepLines.key(e)), style, devices));
            }
            case "waiting" -> out.println(StepLines.waiting(e, style, devices));
            case "section" -> out.println(StepLines.section(e, style, devices));
            default -> { }
        }
    }

    @Override
    public void line(String text) {
        out.println(text);
    }
}
