package dev.tandem.apps;

import dev.tandem.protocol.Suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects a definition file's problems so one load reports all of them. */
final class Problems {
    private final String source;
    private final List<String> list = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(String path, String message) {
        list.add(source + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void throwIfAny() {
        if (!list.isEmpty()) throw new AppDefinitionException(list);
    }

    /** {@code " (did you mean 'x'?)"} for the closest candidate within a small edit distance, else "". */
    static String suggest(String wrong, Collection<String> candidates) {
        String best = Suggest.closest(wrong, candidates);
        return best != null ? " (did you mean '" + best + "'?)" : "";
    }
}
