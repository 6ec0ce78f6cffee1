package dev.tandem.junit;

import dev.tandem.protocol.result.StepRecord;

/** A step as one line of a reported entry: {@code A #2 inputText 'Type message' passed 35 ms} (#: its 0-based plan step, as in results.json). */
final class Steps {
    private Steps() {}

    static String line(StepRecord r) {
        return r.device() + " #" + r.planStep() + " " + r.tool()
                + (r.label() == null || r.label().equals(r.tool()) ? "" : " '" + r.label() + "'")
                + (r.iteration() == null ? "" : " (iteration " + r.iteration() + ")") + " " + r.status().wire() + " " + r.durationMs() + " ms"
                + (r.error() == null ? "" : ": " + r.error().code() + ": " + r.error().message());
    }
}
