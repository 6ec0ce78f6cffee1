package dev.tandem.daemon.prepare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.state.AtomicFiles;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json}: the sha256 of every file of a prepared artifact, by path relative to the
 * artifact dir. Every path must stay inside that dir: an absolute path, a {@code ..} or a link
 * leading out makes the artifact bad (and it is rebuilt), never followed.
 */
public record Manifest(int schemaVersion, Map<String, String> files) {
    public static final String FILE = "manifest.json";

    /** Digests {@code relativePaths} under {@code dir} and writes the manifest. */
    public static Manifest write(Path dir, Iterable<String> relativePaths) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String rel : relativePaths) files.put(rel, Canonical.sha256(dir.resolve(rel)));
        Manifest m = new Manifest(Metadata.SCHEMA_VERSION, files);
        AtomicFiles.writeJson(dir.resolve(FILE), m, false);
        return m;
    }

    /**
     * Why the artifact in {@code dir} does not match its manifest or {@code expected}'s jars, or
     * null: every jar of the identity and the archive are listed with the right digest, and every
     * listed file is inside {@code dir} and has that digest.
     */
    public static String problem(Path dir, Identity expected) {
        String archive = expected.archive().file();
        JsonNode m;
        try {
            m = Json.tree(Files.readAllBytes(dir.resolve(FILE)));
        } catch (IOException | RuntimeException e) {
            return FILE + " is " + (Files.exists(dir.resolve(FILE)) ? "unreadable (" + Metadata.firstLine(e) + ")" : "missing");
        }
        if (m == null || !m.isObject() || !m.path("files").isObject()) return FILE + " is not a manifest object";
        if (m.path("schemaVersion").asInt(-1) != Metadata.SCHEMA_VERSION) return FILE + " has another schema version";
        JsonNode files = m.get("files");
        Map<String, String> required = new TreeMap<>();
        expected.jars().forEach((name, digest) -> required.put(CacheLayout.LIB + "/" + name, digest));
        for (Map.Entry<String, String> r : required.entrySet()) {
            if (!r.getValue().equals(files.path(r.getKey()).asText())) {
                return FILE + " does not list " + r.getKey() + " with the digest of the jar the key was made from";
            }
        }
        if (!files.has(archive)) return FILE + " does not list the class-data archive " + archive;
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = CacheLayout.inside(dir, e.getKey());
            if (file == null) return FILE + " names a path outside the artifact: " + e.getKey();
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return e.getKey() + " is missing";
            try {
                if (!Canonical.sha256(file).equals(e.getValue().asText())) return e.getKey() + " does not match its digest";
            } catch (IOException ex) {
                return e.getKey() + " is unreadable (" + ex.getMessage() + ")";
            }
        }
        return null;
    }
}
