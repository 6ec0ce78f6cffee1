package dev.tandem.daemon.prepare.appium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.daemon.prepare.Canonical;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * {@code metadata.json} of an Appium install: its identity. Written last, after the health check
 * passed, so an install without it is unfinished or unhealthy and is never used.
 */
public record AppiumMetadata(int schemaVersion, String key, long createdAt, AppiumIdentity identity) {
    public static final String FILE = "metadata.json";

    public void write(Path dir) throws IOException {
        AtomicFiles.writeJson(dir.resolve(FILE), this, false);
    }

    /** A parsed, self-consistent metadata file of {@code dir}; throws {@link IllegalStateException} saying what is wrong. */
    static AppiumMetadata read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) throw new IllegalStateException(FILE + " is missing (an unfinished build?)");
        JsonNode tree;
        AppiumMetadata m;
        try {
            tree = Json.tree(Files.readAllBytes(file));
            m = Json.read(Files.readAllBytes(file), AppiumMetadata.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(FILE + " is unreadable (" + firstLine(e) + ")");
        }
        if (m == null || m.identity() == null || tree == null) throw new IllegalStateException(FILE + " has no identity");
        if (m.schemaVersion() != AppiumIdentity.SCHEMA_VERSION || m.identity().schemaVersion() != AppiumIdentity.SCHEMA_VERSION) {
            throw new IllegalStateException(FILE + " has schema version " + m.schemaVersion() + ", expected " + AppiumIdentity.SCHEMA_VERSION);
        }
        // the stored identity as written, not as re-serialized: an extra or missing field is a mismatch
        String stored = Canonical.key(tree.path("identity"));
        if (!stored.equals(m.key())) throw new IllegalStateException(FILE + "'s identity hashes to " + stored + ", not " + m.key());
        if (!m.key().equals(dir.getFileName().toString())) {
            throw new IllegalStateException(FILE + " names key " + m.key() + " but lives in " + dir.getFileName());
        }
        return m;
    }

    static String firstLine(Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return msg.lines().findFirst().orElse(msg);
    }
}
