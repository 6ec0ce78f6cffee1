package dev.tandem.sim;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How slow the simulated phone is: the one table of latency profiles. An action waits
 * {@code actionMs} plus up to {@code actionJitterMs} before it takes effect (launches use the
 * launch pair); screen transitions animate for {@code transitionMs}.
 *
 * @param name the name a device spec uses ({@code sim} profile)
 */
public record LatencyProfile(String name, long actionMs, long actionJitterMs, long launchMs, long launchJitterMs, long transitionMs) {

    /** Nothing waits, nothing animates: tests and benchmarks. */
    public static final LatencyProfile INSTANT = new LatencyProfile("instant", 0, 0, 0, 0, 0);
    /** A phone as it feels: tens to hundreds of ms per action, 250 ms transitions (the demo). */
    public static final LatencyProfile REALISTIC = new LatencyProfile("realistic", 30, 90, 250, 200, 250);
    /** No latency but long transitions: tests that waits see a screen in motion settle. */
    public static final LatencyProfile SLOW_ANIMATIONS = new LatencyProfile("slow-animations", 0, 0, 0, 0, 600);

    public static final List<LatencyProfile> ALL = List.of(INSTANT, REALISTIC, SLOW_ANIMATIONS);

    /** The profile of that name; null or empty means {@code instant}. */
    public static LatencyProfile named(String name) {
        if (name == null || name.isEmpty()) return INSTANT;
        for (LatencyProfile p : ALL) if (p.name.equals(name)) return p;
        throw new TandemException(ErrorCode.USAGE, "Unknown sim profile '" + name + "'; use one of "
                + String.join(", ", ALL.stream().map(LatencyProfile::name).toList()) + ".");
    }

    /** Waits out one action's latency (nothing at all for instant). */
    void actionDelay() throws InterruptedException {
        pause(actionMs, actionJitterMs);
    }

    void launchDelay() throws InterruptedException {
        pause(launchMs, launchJitterMs);
    }

    private static void pause(long ms, long jitterMs) throws InterruptedException {
        if (ms == 0 && jitterMs == 0) return;
        long total = ms + (jitterMs > 0 ? ThreadLocalRandom.current().nextLong(jitterMs + 1) : 0);
        Thread.sleep(total); // the device is busy: the command thread pays the latency, as on a phone
    }
}
