package dev.tandem.protocol.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tokens a state dir holds: the daemon's (daemon.json) and every runner's (runners/*.json).
 * A run's outputs are masked with them, so a page that showed one (or a message quoting one)
 * never carries it into results.json, junit.xml or the CLI. Read-only: an unreadable file is
 * skipped here and dealt with by its owner.
 */
public final class StateSecrets {
    private StateSecrets() {}

    public static Secrets read(StateDir state) {
        List<String> tokens = new ArrayList<>();
        token(state.daemonJson(), tokens);
        try (Stream<Path> files = Files.list(state.runners())) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> token(f, tokens));
        } catch (IOException e) {
            // no runners dir yet: no runner tokens
        }
        return Secrets.of(tokens);
    }

    private static void token(Path file, List<String> into) {
        try {
            if (!Files.isRegularFile(file)) return;
            JsonNode t = Json.tree(Files.readAllBytes(file)).get("token");
            if (t != null && t.isTextual()) into.add(t.asText());
        } catch (IOException | RuntimeException e) {
            // torn or garbage: it holds no usable token
        }
    }
}
