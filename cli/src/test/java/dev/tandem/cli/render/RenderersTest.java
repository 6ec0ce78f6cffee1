package dev.tandem.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.api.RunEvent;
import dev.tandem.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RenderersTest {
    static RunEvent event(String type, String json) {
        try {
            return Json.read(("{\"event\": \"" + type + "\", " + json.substring(json.indexOf('{') + 1)).getBytes(StandardCharsets.UTF_8),
                    RunEvent.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void plainOutputIsAppendOnlyLinesWithoutEscapes() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PlainRenderer r = new PlainRenderer(new PrintStream(buf, true, StandardCharsets.UTF_8), new Style(false));
        r.onEvent(event("allocated", "{\"devices\": {\"A\": \"sim-1\", \"B\": \"sim-2\"}}"));
        r.onEvent(event("step", "{\"phase\": \"start\", \"device\": \"A\", \"tool\": \"tapOn\", \"label\": \"Send\"}"));
        r.onEvent(event("step", "{\"phase\": \"end\", \"device\": \"A\", \"tool\": \"tapOn\", \"label\": \"Send\","
                + " \"status\": \"passed\", \"planStep\": 3, \"durationMs\": 12}"));
        r.onEvent(event("waiting", "{\"device\": \"B\", \"kind\": \"criticalSection\", \"name\": \"chat-room\"}"));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("[A] ✓ tapOn · Send (plan 3, 12 ms)\n[B] ⋯ waiting at criticalSection 'chat-room'\n");
        assertThat(out).doesNotContain("\u001b[");
    }

    @Test
    void aStepInABlockShowsItsIterationAndASkippedOneSaysWhy() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PlainRenderer r = new PlainRenderer(new PrintStream(buf, true, StandardCharsets.UTF_8), new Style(false));
        r.onEvent(event("allocated", "{\"devices\": {\"A\": \"sim-1\"}}"));
        r.onEvent(event("step", "{\"phase\": \"end\", \"device\": \"A\", \"tool\": \"tapOn\", \"label\": \"More\","
                + " \"status\": \"passed\", \"planStep\": 3, \"durationMs\": 12, \"iteration\": 2}"));
        r.onEvent(event("step", "{\"phase\": \"end\", \"device\": \"A\", \"tool\": \"tapOn\", \"label\": \"Cookies\","
                + " \"status\": \"skipped\", \"planStep\": 4, \"durationMs\": 0}"));
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("[A] ✓ tapOn · More (plan 3, iteration 2, 12 ms)\n"
                + "[A] – tapOn · Cookies (plan 4, 0 ms) skipped: its when block's condition did not hold\n");
    }

    @Test
    void liveOutputRedrawsOneLinePerDeviceInPlace() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        LiveRenderer r = new LiveRenderer(new PrintStream(buf, true, StandardCharsets.UTF_8), new Style(true));
        r.onEvent(event("allocated", "{\"devices\": {\"A\": \"sim-1\", \"B\": \"sim-2\"}}"));
        r.onEvent(event("step", "{\"phase\": \"start\", \"device\": \"A\", \"tool\": \"inputText\", \"label\": \"Type message\"}"));
        r.onEvent(event("step", "{\"phase\": \"end\", \"device\": \"A\", \"tool\": \"inputText\", \"label\": \"Type message\","
                + " \"status\": \"passed\", \"planStep\": 2, \"durationMs\": 5}"));
        r.close();
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("\u001b[2A").as("moves up over the two device lines to redraw them");
        assertThat(out).contains("Type message").contains("sim-1").contains("sim-2");
    }

    @Test
    void afterCloseNothingIsDrawnOverWhatFollows() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        LiveRenderer r = new LiveRenderer(ps, new Style(true));
        r.onEvent(event("allocated", "{\"devices\": {\"A\": \"sim-1\"}}"));
        r.close();
        ps.println("PASSED summary");
        r.close();
        r.onEvent(event("step", "{\"phase\": \"start\", \"device\": \"A\", \"tool\": \"tapOn\", \"label\": \"x\"}"));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).endsWith("PASSED summary\n");
    }

    @Test
    void stepLinesShowTheSelectorAndAFailedStepOnlyItsCode() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PlainRenderer r = new PlainRenderer(new PrintStream(buf, true, StandardCharsets.UTF_8), new Style(false));
        r.onEvent(event("allocated", "{\"devices\": {\"default\": \"sim-1\"}}"));
        r.onEvent(event("step", "{\"phase\": \"start\", \"device\": \"default\", \"planStep\": 1, \"trackStep\": 1,"
                + " \"tool\": \"tapOn\", \"label\": \"tapOn\", \"target\": \"\\\"Sign in\\\"\"}"));
        r.onEvent(event("step", "{\"phase\": \"end\", \"device\": \"default\", \"planStep\": 1, \"trackStep\": 1,"
                + " \"tool\": \"tapOn\", \"label\": \"tapOn\", \"status\": \"failed\", \"durationMs\": 40,"
                + " \"error\": {\"code\": \"ELEMENT_NOT_FOUND\", \"message\": \"No element matches\"}}"));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("[sim-1] ✗ tapOn \"Sign in\" (plan 1, 40 ms) ELEMENT_NOT_FOUND\n");
    }
}
