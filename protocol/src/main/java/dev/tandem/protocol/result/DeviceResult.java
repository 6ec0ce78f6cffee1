package dev.tandem.protocol.result;

/**
 * One track's outcome (results.json {@code devices.LABEL}).
 *
 * @param device the device id the label ran on
 * @param platform the device's platform ({@code sim}, {@code web}); null until the daemon fills it in
 * @param profile the profile its runner ran with (web: the device profile, e.g. {@code desktop};
 *     sim: the latency profile); null until the daemon fills it in
 */
public record DeviceResult(String device, String platform, String profile, DeviceStatus status, Steps steps, long durationMs,
        Failure failure) {

    /** Steps run (including the failed one) out of the steps the track had to run. */
    public record Steps(int run, int total) {}

    /** What the engine knows: the device id, not how the daemon started it. */
    public DeviceResult(String device, DeviceStatus status, Steps steps, long durationMs, Failure failure) {
        this(device, null, null, status, steps, durationMs, failure);
    }

    public DeviceResult withDevice(String platform, String profile) {
        return new DeviceResult(device, platform, profile, status, steps, durationMs, failure);
    }
}
