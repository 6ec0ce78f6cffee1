package dev.tandem.cli.render;

import dev.tandem.protocol.api.RunEvent;
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
    public void onEvent(RunEvent event) {
        switch (event) {
            case RunEvent.Allocated e -> devices.putAll(e.devices());
            case RunEvent.Step e -> {
                if (e.phase() == RunEvent.Phase.START) targets.put(StepLines.key(e), e.target());
                else out.println(StepLines.stepEnd(e, targets.remove(StepLines.key(e)), style, devices));
            }
            case RunEvent.Waiting e -> out.println(StepLines.waiting(e, style, devices));
            case RunEvent.Section e -> out.println(StepLines.section(e, style, devices));
            case RunEvent.Queued e -> { }
            case RunEvent.Runner e -> { }
            case RunEvent.Device e -> { }
            case RunEvent.Result e -> { }
            case RunEvent.Error e -> { }
            case RunEvent.Validation e -> { }
            case RunEvent.Heartbeat e -> { }
            case RunEvent.Exit e -> { }
            case RunEvent.Suite e -> { }
            case RunEvent.Plan e -> { }
            case RunEvent.SuiteResult e -> { }
        }
    }

    @Override
    public void line(String text) {
        out.println(text);
    }
}
