package dev.tandem.daemon.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.daemon.runner.RunnerLauncher;
import dev.tandem.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No leftovers of the other outcome: a recovered success has no failure reason, a failure no recovery reason. */
class PrepareResultTest {
    static final RunnerLauncher.Artifact A = new RunnerLauncher.Artifact("java", "cp", "0123456789abcdef", List.of());
    static final PrepareResult.Timing T = new PrepareResult.Timing(1, 2, 3);

    @Test
    void invariantsAreEnforced() {
        assertThatThrownBy(() -> new PrepareResult(true, "sim", PrepareResult.Cache.REBUILT, "k", 1, T, "bad", "still", null, A))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrepareResult(false, "sim", PrepareResult.Cache.REBUILT, "k", 1, T, "bad", "still", "PREPARE_FAILED", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrepareResult(true, "sim", PrepareResult.Cache.HIT, "k", 1, T, "bad", null, null, A))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrepareResult(true, "sim", PrepareResult.Cache.REBUILT, "k", 1, T, null, null, null, A))
                .as("a rebuild says why").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrepareResult(false, "sim", PrepareResult.Cache.MISS, "k", 1, T, null, null, null, null))
                .as("a failure says why").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonHasTheDocumentedFieldsInOrder() {
        PrepareResult r = new PrepareResult(true, "sim", PrepareResult.Cache.REBUILT, "0123456789abcdef", 812, T,
                "runner.jsa does not match its digest", null, null, A);
        assertThat(Json.text(r)).isEqualTo("{\"ok\":true,\"platform\":\"sim\",\"cache\":\"rebuilt\",\"artifactKey\":\"0123456789abcdef\","
                + "\"durationMs\":812,\"timing\":{\"lookupMs\":1,\"buildMs\":2,\"healthMs\":3},"
                + "\"recoveryReason\":\"runner.jsa does not match its digest\"}");
    }
}
