package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
    record Inner(String message, List<String> notes) {}

    record Outer(String name, Inner inner, Map<String, String> extra) {}

    @Test
    void masksEveryOccurrenceOfEverySecretLongestFirst() {
        Secrets s = Secrets.of(List.of("abcd1234", "abcd1234ef"));
        assertThat(s.mask("x abcd1234ef y abcd1234 z")).isEqualTo("x *** y *** z");
    }

    @Test
    void ignoresNullAndTooShortValuesSoOrdinaryTextSurvives() {
        Secrets s = Secrets.of(java.util.Arrays.asList(null, "", "ab", "token-1"));
        assertThat(s.mask("a b ab token-1")).isEqualTo("a b ab ***");
        assertThat(Secrets.NONE.mask("token-1")).isEqualTo("token-1");
    }

    @Test
    void masksEveryStringInsideARecord() {
        Secrets s = Secrets.of(List.of("s3cr3t!"));
        Outer masked = s.mask(new Outer("plan s3cr3t!", new Inner("saw s3cr3t! on screen", List.of("s3cr3t!")),
                Map.of("k", "v s3cr3t!")), Outer.class);
        assertThat(masked).isEqualTo(new Outer("plan ***", new Inner("saw *** on screen", List.of("***")), Map.of("k", "v ***")));
    }

    @Test
    void andAddsSecrets() {
        assertThat(Secrets.of(List.of("first-secret")).and(List.of("second-secret")).mask("first-secret second-secret"))
                .isEqualTo("*** ***");
    }

    @Test
    void maskedJsonIsTheTreeMaskingAndSkipsItWhenNoSecretShows() throws Exception {
        Secrets s = Secrets.of(List.of("s3cr3t!", "quo\"te\\d"));
        Outer clean = new Outer("plan", new Inner("nothing here", List.of("1234")), Map.of("k", "v"));
        assertThat(new String(s.maskedJson(clean), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Json.text(Json.toTree(clean)));
        Outer dirty = new Outer("plan s3cr3t!", new Inner("a quo\"te\\d secret", List.of("x")), Map.of("s3cr3t!", "v"));
        String masked = new String(s.maskedJson(dirty), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(masked).isEqualTo(Json.text(s.mask(Json.toTree(dirty))));
        assertThat(Json.MAPPER.readTree(masked).toString()).doesNotContain("s3cr3t!").doesNotContain("te\\\\d").contains("a *** secret");
        assertThat(Secrets.NONE.maskedJson(dirty)).isEqualTo(Json.bytes(dirty));
    }
}
