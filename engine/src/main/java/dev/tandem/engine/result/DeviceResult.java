package dev.tandem.engine.result;

/**
 * One track's outcome (results.json {@code devices.LABEL}).
 *
 * @param device the device id the label ran on
 */
public record DeviceResult(String device, DeviceStatus status, Steps steps, long durationMs, Failure failure) {

    /** Steps run (including the failed one) out of the steps the track had to run. */
    public record Steps(int run, int total) {}
}
