package dev.tandem.daemon.prepare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The one canonical form of identity metadata (object keys sorted, no whitespace) and the one key
 * function over it. Writing an artifact and checking one both go through {@link #key}, so equality
 * never depends on the order in which fields were produced or stored.
 */
public final class Canonical {
    /** Hex characters of the sha256 kept as the artifact key. */
    public static final int KEY_LENGTH = 16;

    private Canonical() {}

    /** Any JSON-mappable value (record, map, tree) in canonical text. */
    public static String form(Object value) {
        StringBuilder out = new StringBuilder();
        write(value instanceof JsonNode n ? n : Json.toTree(value), out);
        return out.toString();
    }

    /** First {@value #KEY_LENGTH} hex characters of the sha256 of {@link #form}. */
    public static String key(Object identity) {
        return sha256(form(identity).getBytes(StandardCharsets.UTF_8)).substring(0, KEY_LENGTH);
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void write(JsonNode n, StringBuilder out) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) names.add(it.next());
            names.sort(null); // UTF-16 order: stable across JVMs and locales
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) out.append(',');
                out.append(Json.text(names.get(i))).append(':');
                write(n.get(names.get(i)), out);
            }
            out.append('}');
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) out.append(',');
                write(n.get(i), out);
            }
            out.append(']');
        } else {
            out.append(Json.text(n)); // a scalar: Jackson's escaping, no whitespace
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
