package dev.tandem.daemon.sources.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridStatusTest {
    /** The shape Selenium Grid 4.47's /status answers with (trimmed): a node up with two Chrome slots, one busy, and a node down. */
    static final String STATUS = """
            {"value": {"ready": true, "message": "Selenium Grid ready.", "nodes": [
              {"uri": "http://127.0.0.1:5555", "availability": "UP", "maxSessions": 2, "slots": [
                {"id": {"hostId": "h", "id": "s1"}, "session": null,
                 "stereotype": {"browserName": "chrome", "goog:chromeOptions": {"binary": "/usr/bin/chromium"}, "platformName": "linux"}},
                {"id": {"hostId": "h", "id": "s2"}, "session": {"sessionId": "abc", "capabilities": {}},
                 "stereotype": {"browserName": "chrome", "platformName": "linux"}}]},
              {"uri": "http://127.0.0.1:5556", "availability": "DOWN", "slots": [
                {"session": null, "stereotype": {"browserName": "chrome"}}]}]}}
            """;

    @Test
    void capacityAndFreeSlotsCountUpNodesWhoseStereotypeMatches() {
        GridStatus s = GridStatus.parse(Json.tree(STATUS.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.ready()).isTrue();
        assertThat(s.capacity(Map.of("browserName", "Chrome"))).as("case-insensitive; a down node's slots do not count").isEqualTo(2);
        assertThat(s.free(Map.of("browserName", "chrome"))).isEqualTo(1);
        assertThat(s.capacity(Map.of("platformName", "Android"))).isZero();
        assertThat(s.capacity(Map.of("browserName", "chrome", "goog:chromeOptions", "x", "se:name", "y")))
                .as("extension capabilities a slot does not name are request details").isEqualTo(2);
        assertThat(s.capacity(Map.of("browserName", "chrome", "platformName", "windows"))).isZero();
        assertThat(s.sessions()).isEqualTo(1);
        assertThat(s.nodeOf("abc")).isEqualTo("http://127.0.0.1:5555");
        assertThat(s.nodeOf("zzz")).isNull();
    }
}
