package dev.tandem.junit;

import dev.tandem.protocol.result.StepRecord;

/** A step as one line of a reported entry: {@code A #2 inputText 'Type message' passed 35 ms}. */
final class Steps {
    private Steps() {}

    static String line(StepRecord r) {
        return r.device() + " #" + r.planStep() + (r.trackStep() >= 0 ? "." + r.trackStep() : "") + " " + r.tool()
                + (r.label() == null ? "" : " '" + r.label() + "'") + " " + r.status().wire() + " " + r.durationMs() + " ms"
                + (r.error() == null ? "" : ": " + r.error().code() + ": " + r.error().message());
    }
}
