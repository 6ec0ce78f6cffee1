package dev.tandem.protocol.result;

/**
 * One device's passage through a sync point (results.json {@code syncs[]}): when it arrived, when
 * the point let it in (all participants there and, for a section, the lock held) and when it left.
 * Times are relative to the run's start, like {@link StepRecord}'s. The report draws the wait
 * (arrived to entered) as a gap and the hold (entered to left) as a band across the participants.
 *
 * @param kind {@code criticalSection} or {@code barrier}
 * @param name the section's lock, or the barrier's label (else "barrier at plan step N")
 * @param devices every participant's label, in declaration order
 * @param enteredMs -1 when the device never got in (the wait failed or was cut short)
 */
public record SyncRecord(int planStep, String kind, String name, java.util.List<String> devices, String device,
        long arrivedMs, long enteredMs, long leftMs) {

    public SyncRecord {
        devices = java.util.List.copyOf(devices);
    }
}
