package dev.tandem.protocol.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A state file's record that checks itself field by field: valid JSON with a field missing or out
 * of range is as unusable as garbage, and {@link AtomicFiles#readJson} treats it the same way
 * (logged, moved aside, rebuilt) instead of letting a null reach the code that trusts it.
 */
public interface StateRecord {
    /** What is wrong with this record; empty when every field is usable. */
    List<String> problems();

    /** Collects problems tersely: {@code Problems.of().text("dir", dir).positive("pid", pid).list()}. */
    final class Problems {
        private final List<String> list = new ArrayList<>();

        public static Problems of() {
            return new Problems();
        }

        public Problems text(String field, String value) {
            if (value == null || value.isBlank()) list.add(field + " is missing");
            return this;
        }

        public Problems positive(String field, long value) {
            if (value <= 0) list.add(field + " must be positive, not " + value);
            return this;
        }

        public Problems port(String field, int value) {
            if (value < 1 || value > 65535) list.add(field + " must be a port (1-65535), not " + value);
            return this;
        }

        public Problems check(boolean ok, String problem) {
            if (!ok) list.add(problem);
            return this;
        }

        public List<String> list() {
            return List.copyOf(list);
        }
    }
}
