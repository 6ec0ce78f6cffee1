package dev.tandem.it.lifecycle;

import dev.tandem.protocol.runner.CommandState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The fault-matrix table rows, as Markdown, printed and written under {@code it/target/lifecycle/}. */
final class MatrixTable {
    static final String HEADER = "| fault point | command | trials | outcomes | effects per trial | runner restarts | recovery | time |";
    static final String RULE = "|---|---|---|---|---|---|---|---|";

    private MatrixTable() {}

    /** Outcomes and effect counts over a point's trials. */
    static final class Tally {
        final Map<String, Integer> outcomes = new TreeMap<>();
        final Map<Long, Integer> effects = new TreeMap<>();

        void add(CommandState state, long effectCount) {
            outcomes.merge(state.wire(), 1, Integer::sum);
            effects.merge(effectCount, 1, Integer::sum);
        }

        void add(String outcome, long effectCount) {
            outcomes.merge(outcome, 1, Integer::sum);
            effects.merge(effectCount, 1, Integer::sum);
        }

        String outcomes() {
            StringBuilder b = new StringBuilder();
            outcomes.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(" ").append(v));
            return b.toString();
        }

        String effects() {
            StringBuilder b = new StringBuilder();
            effects.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
            return b.toString();
        }
    }

    static String row(String point, String command, int trials, Tally t, int restarts, String recovery, long nanos) {
        return "| " + point + " | " + command + " | " + trials + " | " + t.outcomes() + " | " + t.effects() + " | "
                + restarts + " | " + recovery + " | " + String.format("%.1f s", nanos / 1e9) + " |";
    }

    static void write(String name, List<String> lines) throws IOException {
        Path dir = Path.of("target", "lifecycle");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), lines);
        lines.forEach(System.out::println);
    }
}
