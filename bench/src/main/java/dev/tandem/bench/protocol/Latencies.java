package dev.tandem.bench.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Recorded latencies of one measurement run, in nanoseconds. */
final class Latencies {
    private final long[] samples;
    private int n;

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    void add(long nanos) {
        samples[n++] = nanos;
    }

    /** The p-th percentile (0..100) in milliseconds. */
    double percentileMs(double p) {
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(p / 100.0 * n) - 1));
        return s[i] / 1e6;
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, v < 1 ? "%.3f ms" : "%.2f ms", v);
    }

    /** "best (min–max over N runs)", best being the lowest. */
    static String bestAndSpread(List<Double> runs, String unit) {
        double best = runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double worst = runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return format(best, unit) + " (" + format(best, unit) + "–" + format(worst, unit) + ", " + runs.size() + " runs)";
    }

    static String format(double v, String unit) {
        return switch (unit) {
            case "ms" -> ms(v);
            case "us" -> String.format(Locale.ROOT, "%.1f µs", v);
            case "x" -> String.format(Locale.ROOT, "%.2f", v);
            case "s" -> String.format(Locale.ROOT, "%.2f s", v);
            default -> String.format(Locale.ROOT, "%.3f %s", v, unit);
        };
    }
}
