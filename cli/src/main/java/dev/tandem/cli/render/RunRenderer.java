package dev.tandem.cli.render;

import dev.tandem.protocol.api.RunEvent;

/** Shows a run's progress from the daemon's events: live in place on a terminal, append-only elsewhere. */
public interface RunRenderer {
    void onEvent(RunEvent event);

    /** Prints a permanent line (above any live area). */
    void line(String text);

    /** Ends live output (the block stays as last drawn). */
    default void close() {}
}
