package dev.tandem.protocol;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" for misspelt keys, tools, labels, app ids and commands: the closest candidate
 * by edit distance. One implementation for every module.
 */
public final class Suggest {
    private Suggest() {}

    /**
     * The candidate nearest to {@code input} (case-insensitive edit distance, a swap of two
     * neighbouring letters counting as one edit), or null when none is close enough to be a typo.
     */
    public static String closest(String input, Collection<String> candidates) {
        String in = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            String cand = c.toLowerCase(Locale.ROOT);
            int limit = Math.max(1, Math.min(3, Math.max(in.length(), cand.length()) / 3));
            if (Math.abs(in.length() - cand.length()) > limit) continue;
            int d = distance(in, cand);
            // d < length: "C" is no typo of "A" even though one edit apart.
            if (d <= limit && d < Math.max(in.length(), cand.length()) && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
