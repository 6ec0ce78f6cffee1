package dev.tandem.bench.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Percentiles of a sample, and the Markdown formatting the harnesses print. */
public final class Stats {
    private Stats() {}

    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    public static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    public static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.3f ms" : "%.1f ms", ms);
    }

    public static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public static void row(String... cells) {
        System.out.println("| " + String.join(" | ", cells) + " |");
    }
}
