package dev.tandem.daemon.prepare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code metadata.json} of a prepared artifact: the identity it was built for. Written last, so an
 * artifact without it is an interrupted build.
 *
 * @param javaBin the java that trained the archive (informational: the identity's toolchain is what counts)
 */
public record Metadata(int schemaVersion, String key, long createdAt, String javaBin, Identity identity) {
    /**
     * Version of the artifact's files ({@link Identity}, this record, {@link Manifest}). Bump it
     * whenever a field is added, removed or changes meaning: it is hashed into every key, so old
     * artifacts become misses instead of being misread. 1: first version.
     */
    public static final int SCHEMA_VERSION = 1;

    public static final String FILE = "metadata.json";

    public void write(Path dir) throws IOException {
        AtomicFiles.writeJson(dir.resolve(FILE), this, false);
    }

    /**
     * Why the metadata in {@code dir} does not describe {@code expected}, or null when it does.
     * Equality is decided by {@link Canonical#key} over the stored identity as written, so stored
     * key order or whitespace never matters, and an extra or missing field does.
     */
    public static String problem(Path dir, Identity expected) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return FILE + " is missing (an interrupted build?)";
        }
        JsonNode m;
        try {
            m = Json.tree(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return FILE + " is unreadable (" + firstLine(e) + ")";
        }
        if (m == null || !m.isObject()) return FILE + " is not a JSON object";
        if (m.path("schemaVersion").asInt(-1) != SCHEMA_VERSION) {
            return FILE + " has schema version " + m.path("schemaVersion") + ", expected " + SCHEMA_VERSION;
        }
        String key = expected.key();
        if (!key.equals(m.path("key").asText())) return FILE + " names key " + m.path("key") + ", expected " + key;
        JsonNode identity = m.get("identity");
        if (identity == null || !identity.isObject()) return FILE + " has no identity";
        String stored = Canonical.key(identity);
        return stored.equals(key) ? null : FILE + "'s identity hashes to " + stored + ", not " + key;
    }

    static String firstLine(Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }
}
