package dev.tandem.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a test may make this runner fail, to prove the command lifecycle. Honoured only when the
 * runner was started with the test-only switch {@code TANDEM_TEST_FAULTS=1}; otherwise the
 * {@code _fault} param is ignored entirely.
 *
 * <p>A fault is {@code _fault: {point, marker}}: it fires once, when the runner manages to create
 * the marker file, so a resend of the same command to the next boot runs normally.
 */
enum FaultPoint {
    BEFORE_ACCEPT("before-accept"),
    AFTER_ACCEPT("after-accept"),
    AFTER_START("after-start"),
    AFTER_EFFECT("after-effect"),
    AFTER_COMPLETE("after-complete"),
    /** Complete, then drop the connection without a reply; the process lives on. */
    DROP_AFTER_COMPLETE("drop-after-complete");

    static final boolean ENABLED = "1".equals(System.getenv("TANDEM_TEST_FAULTS"));
    /** Exit status of a runner halted by a fault, so tests can tell it from a real crash. */
    static final int HALT_STATUS = 86;

    final String wireName;

    FaultPoint(String wireName) {
        this.wireName = wireName;
    }

    /** The armed fault of a command, if any (and if faults are enabled at all). */
    static Optional<FaultPoint> armed(JsonNode params) {
        if (!ENABLED || params == null || !params.has("_fault")) return Optional.empty();
        JsonNode f = params.get("_fault");
        Optional<FaultPoint> point = Arrays.stream(values())
                .filter(p -> p.wireName.equals(f.path("point").asText())).findFirst();
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

    /** Dies here if this is the armed point: no cleanup, no reply, like a crash. */
    void haltIf(Optional<FaultPoint> armed) {
        if (armed.isPresent() && armed.get() == this) {
            System.err.println("fault injection: halting at " + wireName);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
