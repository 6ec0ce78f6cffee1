package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The test-only fault switch. A runner started with {@code TANDEM_TEST_FAULTS=1} honours a
 * command's {@code _fault: {point, marker}} param; without it the param is stripped and ignored.
 * A fault fires once: only when the runner manages to create the marker file, so the resend of the
 * same command to the next boot runs normally.
 *
 * @param halt what reaching a halting point does: in a real runner, die on the spot (no cleanup,
 *     no reply, like {@code kill -9}); in unit tests, a fake
 */
record Faults(boolean enabled, Consumer<FaultPoint> halt) {
    /** Exit status of a runner halted by a fault, so tests can tell it from a real crash. */
    static final int HALT_STATUS = 86;
    static final String PARAM = "_fault";
    static final Faults OFF = new Faults(false, p -> { });

    static Faults fromEnv(Map<String, String> env) {
        boolean on = "1".equals(env.get("TANDEM_TEST_FAULTS"));
        return new Faults(on, p -> {
            System.err.println("fault injection: halting at " + p.wireName);
            Runtime.getRuntime().halt(HALT_STATUS);
        });
    }

    /** The command's armed fault (removing the param so the backend never sees it). */
    Optional<FaultPoint> take(JsonNode params) {
        if (!(params instanceof ObjectNode obj) || !obj.has(PARAM)) return Optional.empty();
        JsonNode f = obj.remove(PARAM);
        if (!enabled) return Optional.empty();
        Optional<FaultPoint> point = FaultPoint.byWireName(f.path("point").asText());
        if (point.isEmpty()) return Optional.empty();
        String marker = f.path("marker").asText(null);
        if (marker != null) {
            try {
                Files.createFile(Path.of(marker));
            } catch (IOException alreadyFired) {
                return Optional.empty();
            }
        }
        return point;
    }

    /** Fails here if {@code point} is the armed one and it halts. */
    void at(FaultPoint point, Optional<FaultPoint> armed) {
        if (point.halts() && armed.isPresent() && armed.get() == point) halt.accept(point);
    }
}
