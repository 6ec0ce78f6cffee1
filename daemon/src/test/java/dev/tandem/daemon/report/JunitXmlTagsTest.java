package dev.tandem.daemon.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Json;
import dev.tandem.protocol.result.DeviceResult;
import dev.tandem.protocol.result.DeviceStatus;
import dev.tandem.protocol.result.RunResult;
import dev.tandem.protocol.result.RunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan's tags: a testsuite property in junit.xml and a list in results.json, absent when it has none. */
class JunitXmlTagsTest {
    static RunResult run(List<String> tags) {
        return new RunResult("r1", "login", RunStatus.PASSED, 10,
                Map.of("default", new DeviceResult("sim-1", DeviceStatus.PASSED, new DeviceResult.Steps(1, 1), 10, null)), List.of(), null)
                .withTags(tags);
    }

    @Test
    void tagsAreASuiteProperty() {
        assertThat(JunitXml.render(List.of(run(List.of("smoke", "login")))))
                .contains("id=\"r1\">\n    <properties>\n      <property name=\"tags\" value=\"smoke,login\"/>\n    </properties>\n    <testcase");
        assertThat(JunitXml.render(List.of(run(List.of())))).doesNotContain("<properties>");
    }

    @Test
    void tagsAreInResultsJsonOnlyWhenThePlanHasSome() {
        assertThat(Json.toTree(run(List.of("smoke"))).path("tags").toString()).isEqualTo("[\"smoke\"]");
        assertThat(Json.toTree(run(List.of())).has("tags")).isFalse();
    }
}
