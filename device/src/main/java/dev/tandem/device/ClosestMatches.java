package dev.tandem.device;

import dev.tandem.protocol.Selector;
import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.Suggest;
import dev.tandem.protocol.TextMatch;
import dev.tandem.protocol.UiNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Ranks the elements on screen by how close they come to a selector, for "not found" messages. */
public final class ClosestMatches {
    private ClosestMatches() {}

    /** Up to {@code limit} elements, closest first, that carry any text or id. */
    public static List<UiNode> rank(Selector selector, Snapshot snapshot, int limit) {
        String wanted = selector.text() != null ? selector.text() : selector.textContains() != null ? selector.textContains()
                : selector.id() != null ? selector.id() : selector.role();
        String w = strip(wanted).toLowerCase(Locale.ROOT);
        return snapshot.elements().stream()
                .filter(n -> label(n) != null)
                .sorted(Comparator.comparingDouble((UiNode n) -> distance(w, n, selector)))
                .limit(limit)
                .toList();
    }

    /**
     * One sentence: the selector, where we looked, and what is there instead. When the element is
     * there but in another state than asked for, it says so: "found button "Submit" but it is enabled".
     */
    public static String notFoundMessage(Selector selector, Snapshot snapshot, long waitedMs) {
        StringBuilder sb = new StringBuilder("No element matches ").append(selector)
                .append(" on ").append(where(snapshot)).append(" after ").append(waitedMs).append(" ms");
        if (selector.hasState()) {
            List<UiNode> same = snapshot.elements().stream().filter(n -> selector.matchesIdentity(n) && selector.stateDifference(n) != null).limit(3).toList();
            if (!same.isEmpty()) {
                sb.append(": found ");
                for (int i = 0; i < same.size(); i++) {
                    if (i > 0) sb.append("; ");
                    sb.append(same.get(i).describe()).append(" but ").append(selector.stateDifference(same.get(i)));
                }
                return sb.append('.').toString();
            }
        }
        sb.append('.');
        List<UiNode> closest = rank(selector, snapshot, 3);
        if (closest.isEmpty()) {
            sb.append(" The screen shows no element with text or id.");
        } else {
            sb.append(" Closest on screen: ");
            for (int i = 0; i < closest.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(closest.get(i).describe());
            }
            sb.append('.');
        }
        return sb.toString();
    }

    static String where(Snapshot s) {
        if (s.app() == null) return "the home screen";
        return "screen '" + s.screen() + "' of " + s.app();
    }

    private static String label(UiNode n) {
        if (n.text() != null && !n.text().isEmpty()) return n.text();
        if (n.hint() != null && !n.hint().isEmpty()) return n.hint();
        if (n.id() != null && !n.id().isEmpty()) return n.id();
        return null;
    }

    private static double distance(String wanted, UiNode n, Selector selector) {
        double best = Double.MAX_VALUE;
        for (String candidate : new String[] {n.text(), n.hint(), n.id()}) {
            if (candidate == null || candidate.isEmpty()) continue;
            String c = candidate.toLowerCase(Locale.ROOT);
            double d = Suggest.distance(wanted, c) / (double) Math.max(1, Math.max(wanted.length(), c.length()));
            if (c.contains(wanted) || wanted.contains(c)) d -= 0.5;
            best = Math.min(best, d);
        }
        if (selector.role() != null && selector.role().equals(n.role())) best -= 0.25;
        return best;
    }

    private static String strip(String s) {
        if (s == null) return "";
        return TextMatch.of(s).text();
    }
}
