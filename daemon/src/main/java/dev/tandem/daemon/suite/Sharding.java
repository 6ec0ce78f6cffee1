package dev.tandem.daemon.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How plans are spread over shards. {@code split} balances by recorded durations, longest first
 * onto the least-loaded shard (plans without history count as the mean of those with it), and
 * falls back to round-robin in path order when there is no history at all. The CI partition
 * ({@code --shard-index/--shard-total}) depends on paths only, so every machine agrees.
 */
public final class Sharding {
    private Sharding() {}

    /** A plan and its expected duration (negative: unknown). */
    public record Estimate(String path, long ms) {}

    public static List<List<String>> split(List<Estimate> plans, int shards) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < shards; i++) out.add(new ArrayList<>());
        List<Estimate> sorted = new ArrayList<>(plans);
        sorted.sort(Comparator.comparing(Estimate::path));
        OptionalDouble mean = plans.stream().filter(p -> p.ms() >= 0).mapToLong(Estimate::ms).average();
        if (mean.isEmpty()) {
            for (int i = 0; i < sorted.size(); i++) out.get(i % shards).add(sorted.get(i).path());
            return out;
        }
        long fill = Math.round(mean.getAsDouble());
        List<Estimate> known = new ArrayList<>();
        for (Estimate e : sorted) known.add(e.ms() >= 0 ? e : new Estimate(e.path(), fill));
        known.sort(Comparator.comparingLong(Estimate::ms).reversed().thenComparing(Estimate::path));
        long[] load = new long[shards];
        for (Estimate e : known) {
            int best = 0;
            for (int i = 1; i < shards; i++) if (load[i] < load[best]) best = i;
            out.get(best).add(e.path());
            load[best] += e.ms();
        }
        return out;
    }

    /** Every plan on every shard ({@code --shard-mode all}). */
    public static List<List<String>> all(List<String> plans, int shards) {
        List<List<String>> out = new ArrayList<>();
        List<String> sorted = plans.stream().sorted().toList();
        for (int i = 0; i < shards; i++) out.add(sorted);
        return out;
    }

    /** This CI node's share: plan i (in path order) belongs to node {@code i % total}. 0-based index. */
    public static List<String> ciPartition(List<String> plans, int index, int total) {
        List<String> sorted = plans.stream().sorted().toList();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) if (i % total == index) mine.add(sorted.get(i));
        return mine;
    }
}
