package dev.tandem.daemon.run;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.state.Log;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recorded plan durations ({@code history/durations.json}: plan path → last duration in ms), used
 * to balance suite shards. A torn or garbage file is logged, moved aside and rebuilt.
 */
public final class History {
    private final Path file;
    private final Log log;
    private Map<String, Long> durations;

    public History(Path dir, Log log) {
        this.file = dir.resolve("durations.json");
        this.log = log;
    }

    public synchronized Optional<Long> duration(String planPath) {
        return Optional.ofNullable(load().get(planPath));
    }

    public synchronized void record(String planPath, long ms) {
        if (planPath == null) return;
        load().put(planPath, ms);
        try {
            AtomicFiles.writeJson(file, durations, false);
        } catch (IOException e) {
            log.warn("cannot write " + file + ": " + e.getMessage());
        }
    }

    private Map<String, Long> load() {
        if (durations != null) return durations;
        durations = new HashMap<>();
        if (!Files.isRegularFile(file)) return durations;
        try {
            Map<String, Long> read = Json.MAPPER.readValue(Files.readAllBytes(file), new TypeReference<Map<String, Long>>() {});
            if (read == null) throw new IOException("empty document");
            durations.putAll(read);
        } catch (IOException | RuntimeException e) {
            // same recovery as every state file: log, move aside, start afresh
            AtomicFiles.readJson(file, Object.class, log);
            log.warn("history " + file + " was unreadable; durations start afresh");
        }
        return durations;
    }
}
