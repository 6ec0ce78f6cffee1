package dev.tandem.daemon.prepare.appium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.daemon.prepare.Canonical;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json} of an Appium install: the sha256 of the files that say what is installed
 * (the server's {@code package.json} and entry point, each driver's {@code package.json}), by path
 * relative to the install. Not every file of {@code node_modules} (thousands): these are enough
 * to catch a deleted or replaced package, and cheap enough to check on every run.
 */
public record AppiumManifest(int schemaVersion, Map<String, String> files) {
    public static final String FILE = "manifest.json";

    /** The files an install of {@code identity} must list. */
    static List<String> required(AppiumIdentity identity) {
        List<String> out = new ArrayList<>(List.of("node_modules/appium/package.json", "node_modules/appium/index.js", AppiumInstall.BIN));
        for (String spec : identity.drivers().values()) out.add(AppiumInstall.HOME + "/node_modules/" + packageOf(spec) + "/package.json");
        return out;
    }

    static void write(Path dir, AppiumIdentity identity) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String rel : required(identity)) {
            Path f = CacheLayout.inside(dir, rel);
            if (f == null || !Files.isRegularFile(f)) throw new IOException(rel + " is missing after the install");
            files.put(rel, Canonical.sha256(f));
        }
        AtomicFiles.writeJson(dir.resolve(FILE), new AppiumManifest(AppiumIdentity.SCHEMA_VERSION, files), false);
    }

    /** Why {@code dir} does not match its manifest, or null: every required file listed, inside, present, with its digest. */
    static String problem(Path dir, AppiumIdentity identity) {
        JsonNode m;
        try {
            m = Json.tree(Files.readAllBytes(dir.resolve(FILE)));
        } catch (IOException | RuntimeException e) {
            return FILE + " is " + (Files.exists(dir.resolve(FILE)) ? "unreadable (" + AppiumMetadata.firstLine(e) + ")" : "missing");
        }
        if (m == null || !m.isObject() || !m.path("files").isObject()) return FILE + " is not a manifest object";
        if (m.path("schemaVersion").asInt(-1) != AppiumIdentity.SCHEMA_VERSION) return FILE + " has another schema version";
        JsonNode files = m.get("files");
        for (String rel : required(identity)) if (!files.has(rel)) return FILE + " does not list " + rel;
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = CacheLayout.inside(dir, e.getKey());
            if (file == null) return FILE + " names a path outside the install: " + e.getKey();
            if (!Files.isRegularFile(file)) return e.getKey() + " is missing";
            try {
                if (!Canonical.sha256(file).equals(e.getValue().asText())) return e.getKey() + " does not match its digest";
            } catch (IOException ex) {
                return e.getKey() + " is unreadable (" + ex.getMessage() + ")";
            }
        }
        return null;
    }

    /** {@code @appium/fake-driver} of {@code @appium/fake-driver@6.2.4}. */
    static String packageOf(String spec) {
        int at = spec.lastIndexOf('@');
        return at > 0 ? spec.substring(0, at) : spec;
    }

    static String versionOf(String spec) {
        int at = spec.lastIndexOf('@');
        return at > 0 ? spec.substring(at + 1) : "";
    }
}
