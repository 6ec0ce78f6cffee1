package dev.tandem.daemon.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Secrets;
import dev.tandem.protocol.api.RunEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the CLI reads from a run's stream: every event, one JSON line each, in the order the engine made them, secrets masked. */
class RunEventsTest {
    private static List<JsonNode> lines(ByteArrayOutputStream out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (!l.isEmpty()) nodes.add(Json.MAPPER.readTree(l));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\n");
        return nodes;
    }

    @Test
    void engineEventsKeepTheirOrderAndTheExitComesLast() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunEvents events = new RunEvents(out);
        for (int i = 0; i < 500; i++) events.sectionEntered("A", "s" + i); // queued for the writer thread
        events.emit(new RunEvent.Exit(0)); // written once those before it are out
        List<JsonNode> got = lines(out);
        assertThat(got).hasSize(501);
        for (int i = 0; i < 500; i++) {
            assertThat(got.get(i).path("event").asText()).isEqualTo("section");
            assertThat(got.get(i).path("name").asText()).isEqualTo("s" + i);
        }
        assertThat(got.get(500).path("event").asText()).isEqualTo("exit");
    }

    @Test
    void secretsAreMaskedInEveryEvent() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunEvents events = new RunEvents(out).masking(Secrets.of(Set.of("hunter2")));
        events.sectionEntered("A", "login as hunter2");
        events.waiting("hunter2", "barrier", "b");
        events.drain();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("hunter2").contains("login as ***");
        assertThat(lines(out)).hasSize(2);
    }

    @Test
    void aBrokenStreamMarksTheClientGoneAndTheRunGoesOn() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        RunEvents events = new RunEvents(broken);
        events.sectionEntered("A", "s");
        assertThat(events.awaitGone(10_000)).as("gone within 10 s").isTrue();
        events.sectionEntered("A", "after"); // dropped, never blocks the engine
        events.drain();
        assertThat(events.gone()).isTrue();
    }
}
