package dev.tandem.it.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.daemon.prepare.Canonical;
import dev.tandem.it.Tandem;
import dev.tandem.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `tandem prepare` with real processes: real training runs, real archive checks, real health checks. */
class PrepareIT {

    @Test
    void secondPrepareIsAHitAndTheOutputIsTheDocumentedJson() throws Exception {
        try (PrepareFixture t = PrepareFixture.onDistribution()) {
            JsonNode miss = t.prepare();
            JsonNode hit = t.prepare("--platform", "sim");

            assertThat(miss.path("ok").asBoolean()).as(miss.toString()).isTrue();
            assertThat(miss.path("cache").asText()).isEqualTo("miss");
            assertThat(hit.path("cache").asText()).as(hit.toString()).isEqualTo("hit");
            String key = hit.path("artifactKey").asText();
            assertThat(key).matches("[0-9a-f]{16}").isEqualTo(miss.path("artifactKey").asText());
            assertThat(hit.has("recoveryReason")).isFalse();
            assertThat(hit.has("failureReason")).isFalse();
            assertThat(hit.path("timing").path("healthMs").asLong()).isPositive();
            Path dir = t.cacheDir("sim", key);
            assertThat(dir.resolve(PrepareFixture.archiveFile())).isRegularFile();
            assertThat(dir.resolve("lib")).isDirectory();
            assertThat(Files.readString(dir.resolve("metadata.json"))).contains("\"schemaVersion\":1", Runtime.version().toString());
        }
    }

    @Test
    void twoProcessesAtOnceBuildOnce() throws Exception {
        try (PrepareFixture t = PrepareFixture.onDistribution()) {
            Process a = t.start("prepare", "--json");
            Process b = t.start("prepare", "--json");
            List<JsonNode> results = new ArrayList<>();
            for (Process p : List.of(a, b)) {
                Tandem.Result r = Tandem.finish(p, 180_000);
                assertThat(r.exit()).as(r.all()).isZero();
                results.add(Json.tree(r.out().getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(results).extracting(r -> r.path("cache").asText()).containsExactlyInAnyOrder("miss", "hit");
            assertThat(results.get(0).path("artifactKey")).isEqualTo(results.get(1).path("artifactKey"));
        }
    }

    @Test
    void aCorruptedArchiveIsRebuiltOnceAndRecovers() throws Exception {
        try (PrepareFixture t = PrepareFixture.onDistribution()) {
            String key = t.prepare().path("artifactKey").asText();
            Path archive = t.cacheDir("sim", key).resolve(PrepareFixture.archiveFile());
            byte[] bytes = Files.readAllBytes(archive);
            for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) bytes[i] ^= 0x5a;
            Files.write(archive, bytes);

            JsonNode r = t.prepare();

            assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
            assertThat(r.path("cache").asText()).isEqualTo("rebuilt");
            assertThat(r.path("recoveryReason").asText()).contains(PrepareFixture.archiveFile() + " does not match its digest");
            assertThat(r.has("failureReason")).isFalse();
            assertThat(t.prepare().path("cache").asText()).isEqualTo("hit");
        }
    }

    @Test
    void anArchiveTheJvmRejectsIsRebuilt() throws Exception {
        try (PrepareFixture t = PrepareFixture.onDistribution()) {
            String key = t.prepare().path("artifactKey").asText();
            // a truncated archive recorded as such in the manifest: the digests pass, the JVM refuses it
            Path dir = t.cacheDir("sim", key);
            Path archive = dir.resolve(PrepareFixture.archiveFile());
            Files.write(archive, java.util.Arrays.copyOf(Files.readAllBytes(archive), 4096));
            var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) Json.tree(Files.readAllBytes(dir.resolve("manifest.json")));
            ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("files")).put(PrepareFixture.archiveFile(), Canonical.sha256(archive));
            Files.writeString(dir.resolve("manifest.json"), Json.text(manifest));

            JsonNode r = t.prepare();

            assertThat(r.path("cache").asText()).as(r.toString()).isEqualTo("rebuilt");
            assertThat(r.path("recoveryReason").asText()).contains("the JVM rejects the archive");
            assertThat(r.path("ok").asBoolean()).isTrue();
            assertThat(r.has("failureReason")).isFalse();
        }
    }

    @Test
    void webWithoutChromiumFailsWithExit3AndTheReason() throws Exception {
        try (PrepareFixture t = PrepareFixture.onDistribution().env("TANDEM_CHROMIUM", "/nonexistent/chromium")) {
            Tandem.Result r = t.run("prepare", "--platform", "web", "--json");

            assertThat(r.exit()).as(r.all()).isEqualTo(3);
            JsonNode json = Json.tree(r.out().getBytes(StandardCharsets.UTF_8));
            assertThat(json.path("ok").asBoolean()).isFalse();
            assertThat(json.path("failureCode").asText()).isEqualTo("CHROMIUM_MISSING");
            assertThat(json.path("failureReason").asText()).contains("TANDEM_CHROMIUM");
            assertThat(json.has("recoveryReason")).isFalse();
        }
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        try (PrepareFixture t = PrepareFixture.onDistribution()) {
            // android and ios have their backend now (Appium): their runner artifact is prepared like sim's
            var android = t.run("prepare", "--platform", "android");
            assertThat(android.exit()).as(android.all()).isZero();
            assertThat(android.out()).startsWith("android: ready");
            assertThat(t.run("prepare", "--platform", "andriod").all()).contains("unknown platform 'andriod'");
            assertThat(t.run("prepare", "--platform", "tv").all()).contains("unknown platform 'tv'");
            assertThat(t.run("prepare", "--timeout", "soon").exit()).isEqualTo(2);
        }
    }
}
