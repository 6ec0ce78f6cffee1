package dev.tandem.cli.render;

import dev.tandem.protocol.api.RunEvent;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Terminal progress: finished steps scroll by as lines, and below them one live line per device
 * (current step, its label, elapsed time) is redrawn in place.
 */
public final class LiveRenderer implements RunRenderer {
    private static final String CLEAR_BELOW = "\u001b[J";

    private final PrintStream out;
    private final Style style;
    private final Map<String, String> devices = new LinkedHashMap<>();
    private final Map<String, Live> live = new LinkedHashMap<>();
    private final Map<String, String> targets = new java.util.HashMap<>();
    private final Thread ticker;
    private int drawn;
    private boolean closed;

    private static final class Live {
        String what = "starting";
        long since = System.nanoTime();
        int done;
        int total;
        String state = "";
    }

    public LiveRenderer(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
        this.ticker = Thread.ofPlatform().daemon().name("live-progress").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(100); // refresh rate of the elapsed-time display
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (this) {
                    if (!closed) redraw();
                }
            }
        });
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        if (closed) return;
        switch (event) {
            case RunEvent.Allocated e -> e.devices().forEach((label, id) -> {
                devices.put(label, id);
                live.put(label, new Live());
            });
            case RunEvent.Step e -> {
                Live l = live.get(e.device());
                if (l == null) return;
                if (e.phase() == RunEvent.Phase.START) {
                    targets.put(StepLines.key(e), e.target());
                    l.what = StepLines.what(e, e.target()) + (e.iteration() == null ? "" : " (iteration " + e.iteration() + ")");
                    l.since = System.nanoTime();
                } else {
                    l.done++;
                    print(StepLines.stepEnd(e, targets.remove(StepLines.key(e)), style, devices));
                }
            }
            case RunEvent.Waiting e -> {
                Live l = live.get(e.device());
                if (l != null) {
                    l.what = "waiting at " + e.kind().wireName() + " '" + e.name() + "'";
                    l.since = System.nanoTime();
                }
            }
            case RunEvent.Section e -> print(StepLines.section(e, style, devices));
            case RunEvent.Device e -> {
                Live l = live.get(e.device());
                if (l != null) {
                    l.state = e.result().status().wire();
                    l.total = e.result().steps().total();
                    l.done = e.result().steps().run();
                    l.what = l.state;
                }
            }
            case RunEvent.Queued e -> { }
            case RunEvent.Runner e -> { }
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

    private void print(String text) {
        erase();
        out.println(text);
        redraw();
    }

    private void erase() {
        if (drawn > 0) out.print("\u001b[" + drawn + "A\r" + CLEAR_BELOW);
        drawn = 0;
    }

    private void redraw() {
        erase();
        for (Map.Entry<String, Live> e : live.entrySet()) {
            Live l = e.getValue();
            String who = StepLines.who(e.getKey(), devices);
            String id = devices.get(e.getKey());
            String head = String.format("  %-8s %-7s", who, who.equals(id) ? "" : id);
            String body = switch (l.state) {
                case "passed" -> style.green("✓ done (" + l.done + " steps)");
                case "failed" -> style.red("✗ failed at step " + l.done + " of " + l.total);
                case "aborted" -> style.yellow("⊘ stopped after " + l.done + " of " + l.total + " steps");
                default -> "▸ " + l.what + style.dim(String.format("  %.1fs", (System.nanoTime() - l.since) / 1e9));
            };
            out.println(head + " " + body);
            drawn++;
        }
        out.flush();
    }

    @Override
    public synchronized void line(String text) {
        if (closed) out.println(text);
        else print(text);
    }

    /**
     * Draws the final state once and lets go of the screen: what is printed afterwards (the
     * summary) must never be drawn over. Closing again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        ticker.interrupt();
        redraw();
        closed = true;
        drawn = 0;
    }
}
