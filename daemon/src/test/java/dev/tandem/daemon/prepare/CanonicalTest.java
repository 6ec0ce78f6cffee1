package dev.tandem.daemon.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One canonical form, one key: field order and whitespace never matter, content always does. */
class CanonicalTest {
    static final Identity ID = new Identity(Metadata.SCHEMA_VERSION, "web", "dev.tandem.runner.RunnerMain",
            List.of("-Xmx64m", "-XX:+UseSerialGC"), Map.of("b.jar", "22", "a.jar", "11"), Fixture.JDK, ArchiveKind.AOT_CACHE,
            Map.of("chromium.version", "Chromium 140.0.7339.80", "chromium.path", "/usr/bin/chromium"));

    @Test
    void formIsSortedWithoutWhitespace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", Map.of("d", List.of(2, 1), "c", "x \"y\""));
        assertThat(Canonical.form(m)).isEqualTo("{\"a\":{\"c\":\"x \\\"y\\\"\",\"d\":[2,1]},\"b\":1}");
    }

    @Test
    void keyOrderInTheInputDoesNotMatter() {
        String expected = Canonical.key(ID);
        Random random = new Random(42);
        for (int i = 0; i < 100; i++) {
            Object shuffled = shuffle(Json.MAPPER.convertValue(ID, Object.class), random);
            assertThat(Canonical.key(shuffled)).as("permutation %d: %s", i, shuffled).isEqualTo(expected);
        }
        assertThat(expected).hasSize(Canonical.KEY_LENGTH).matches("[0-9a-f]+");
    }

    @Test
    void anyChangedValueChangesTheKey() {
        Identity otherJdk = new Identity(ID.schemaVersion(), ID.platform(), ID.runnerMain(), ID.jvmOptions(), ID.jars(),
                new Toolchain("Test Vendor", "25.0.2+1", "Test VM 25.0.1+1", "/opt/jdk-25", "Linux", "amd64"), ID.archive(), ID.tools());
        Identity otherOrderOfFlags = new Identity(ID.schemaVersion(), ID.platform(), ID.runnerMain(),
                List.of("-XX:+UseSerialGC", "-Xmx64m"), ID.jars(), ID.toolchain(), ID.archive(), ID.tools());
        Identity otherSchema = new Identity(ID.schemaVersion() + 1, ID.platform(), ID.runnerMain(), ID.jvmOptions(), ID.jars(),
                ID.toolchain(), ID.archive(), ID.tools());
        Identity otherArchive = new Identity(ID.schemaVersion(), ID.platform(), ID.runnerMain(), ID.jvmOptions(), ID.jars(),
                ID.toolchain(), ArchiveKind.APP_CDS, ID.tools());
        assertThat(List.of(otherJdk.key(), otherOrderOfFlags.key(), otherSchema.key(), otherArchive.key()))
                .doesNotContain(ID.key()).doesNotHaveDuplicates();
    }

    @Test
    void storedMetadataIsCheckedByTheSameFunctionWhateverItsLayout(@TempDir Path dir) throws Exception {
        // written pretty-printed with shuffled keys, e.g. by another version or by hand
        Object meta = shuffle(Json.MAPPER.convertValue(new Metadata(Metadata.SCHEMA_VERSION, ID.key(), 1L, "java", ID), Object.class),
                new Random(7));
        Files.writeString(dir.resolve(Metadata.FILE), Json.pretty(meta));
        assertThat(Metadata.problem(dir, ID)).isNull();

        Files.writeString(dir.resolve(Metadata.FILE), Json.pretty(meta).replace("Chromium 140", "Chromium 141"));
        assertThat(Metadata.problem(dir, ID)).contains("identity hashes to");
    }

    @SuppressWarnings("unchecked")
    private static Object shuffle(Object value, Random random) {
        if (value instanceof Map<?, ?> map) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) map).entrySet());
            Collections.shuffle(entries, random);
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : entries) out.put(e.getKey(), shuffle(e.getValue(), random));
            return out;
        }
        if (value instanceof List<?> list) return list.stream().map(v -> shuffle(v, random)).toList();
        return value;
    }
}
